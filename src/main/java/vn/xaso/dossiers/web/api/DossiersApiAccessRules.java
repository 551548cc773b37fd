package vn.xaso.dossiers.web.api;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Who may call the dossiers API. Public: tracking by code + last 4 phone digits (rate-limited per address).
 * Citizens: {@code /api/v1/dossiers/mine/**}. Officials: submission at the counter or assisted (ONE_STOP,
 * COMMUNITY_TEAM), reading and searching (ONE_STOP, SPECIALIST, LEADER, ADMIN), workflow actions (ONE_STOP,
 * SPECIALIST, LEADER). Finer checks (which action, whose dossier, which unit) are the service's.
 */
@Component
class DossiersApiAccessRules implements AccessRules {

	static final String[] READERS = { "ONE_STOP", "SPECIALIST", "LEADER", "ADMIN" };

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/api/v1/dossiers/track").permitAll()
			.requestMatchers("/api/v1/dossiers/mine", "/api/v1/dossiers/mine/**").hasRole("CITIZEN")
			.requestMatchers(HttpMethod.POST, "/api/v1/dossiers").hasAnyRole("ONE_STOP", "COMMUNITY_TEAM")
			.requestMatchers(HttpMethod.POST, "/api/v1/dossiers/*/actions").hasAnyRole("ONE_STOP", "SPECIALIST", "LEADER")
			.requestMatchers(HttpMethod.GET, "/api/v1/dossiers", "/api/v1/dossiers/**").hasAnyRole(READERS)
			.requestMatchers("/api/v1/dossiers", "/api/v1/dossiers/**").denyAll();
	}
}
