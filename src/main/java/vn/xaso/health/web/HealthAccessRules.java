package vn.xaso.health.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * Health paths: the station's public answers under /x/{commune}/hoi-bac-si are public (GET /x/** is open already);
 * a citizen's questions live under /citizen/hoi-bac-si (the citizen rule); /health is the doctors' desk.
 */
@Component
class HealthAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/health", "/health/**").hasRole(Role.DOCTOR.name());
	}
}
