package vn.xaso.farm.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Farm paths: registering a farm is commune staff's; the list of farms is staff's (counts) and the farmer's (their
 * own); a farm's page and everything on it is the farmer's (role PRODUCER) — which farm, the use cases check.
 */
@Component
class FarmAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.POST, "/farm").hasAnyRole("ADMIN", "LEADER", "SPECIALIST")
			.requestMatchers("/farm").hasAnyRole("PRODUCER", "ADMIN", "LEADER", "SPECIALIST")
			.requestMatchers("/farm/**").hasRole("PRODUCER");
	}
}
