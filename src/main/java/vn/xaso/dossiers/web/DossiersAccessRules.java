package vn.xaso.dossiers.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Who may open the dossiers pages. Public: tracking by code + phone digits, and the verification page
 * the QR on a signed result opens. Officials of the commune: the queues and dossier pages; counter
 * intake for the one-stop desk, assisted submission for the community team, settings for the admin.
 * The citizen pages live under /citizen/**, which the platform already keeps to signed-in citizens.
 * Finer checks (which action in which state, whose dossier) are the service's.
 */
@Component
class DossiersAccessRules implements AccessRules {

	static final String[] QUEUE_ROLES = { "ONE_STOP", "SPECIALIST", "LEADER", "ADMIN" };

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/dossiers/track").permitAll()
			.requestMatchers(HttpMethod.POST, "/dossiers/track").permitAll()
			.requestMatchers(HttpMethod.GET, "/verify/*", "/verify/*/pdf").permitAll()
			.requestMatchers("/dossiers/intake", "/dossiers/intake/**").hasRole("ONE_STOP")
			.requestMatchers("/dossiers/assisted", "/dossiers/assisted/**").hasRole("COMMUNITY_TEAM")
			.requestMatchers("/dossiers/settings", "/dossiers/settings/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/dossiers/*/cash").hasRole("ONE_STOP")
			.requestMatchers("/dossiers/sign", "/dossiers/sign/**").hasRole("LEADER")
			// issue 21: the clerk keeps the seal — the seal queue and the result page, not the rest of the dossier
			.requestMatchers(HttpMethod.GET, "/dossiers/seal", "/dossiers/*/result", "/dossiers/*/result/preview.pdf")
			.hasAnyRole("CLERK", "ONE_STOP", "SPECIALIST", "LEADER", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/dossiers/*/result/seal").hasAnyRole("CLERK", "ONE_STOP", "SPECIALIST", "LEADER", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/dossiers/bulk").hasRole("ONE_STOP")
			.requestMatchers("/dossiers", "/dossiers/**").hasAnyRole(QUEUE_ROLES);
	}
}
