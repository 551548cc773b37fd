package vn.xaso.addresses.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * Who reaches the address pages: the commune's staff who record and pin addresses (administrator,
 * leaders, one-stop officers, specialists, the community technology team and village heads) — each
 * only their own commune's records (service and row-level security), a village head only their village's
 * ({@link AddressReach}) and not the commune's reference point; anyone the public plus-code look-up (HTML and
 * JSON), which shows only commune, village and postcode.
 */
@Component
class AddressesAccessRules implements AccessRules {

	static final String[] STAFF = { Role.ADMIN.name(), Role.LEADER.name(), Role.ONE_STOP.name(), Role.SPECIALIST.name(),
			Role.COMMUNITY_TEAM.name(), Role.VILLAGE_HEAD.name() };

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/place", "/place/*", "/api/v1/places/*").permitAll()
			.requestMatchers("/addresses/reference").hasAnyRole(AddressReach.COMMUNE_WIDE.stream().map(Role::name).toArray(String[]::new))
			.requestMatchers("/addresses", "/addresses/**").hasAnyRole(STAFF);
	}
}
