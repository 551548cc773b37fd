package vn.xaso.party.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * Party paths: /party/setup is the administrator's one step; /party/** and /api/v1/party/** any official's and
 * /citizen/dang/** any citizen's at the door — the module then answers 404 to whoever is not a party member (an
 * administrator included) and to a member for another cell, 403 for a duty that is not theirs.
 */
@Component
class PartyAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/party/setup").hasRole(Role.ADMIN.name())
			.requestMatchers("/party", "/party/**", "/api/v1/party/**").hasAnyRole(Role.staffNames());
	}
}
