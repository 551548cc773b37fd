package vn.xaso.portal.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Who may open the portal's pages: the commune sites, feeds, sitemap and the citizen app shell are
 * public; editing needs an official who writes posts; a citizen saves their own village.
 */
@Component
class PortalAccess implements AccessRules {

	static final String[] EDITORS = { "LEADER", "SPECIALIST", "ADMIN", "VILLAGE_HEAD" };

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/x/*/**", "/sitemap.xml", "/app", "/manifest.webmanifest", "/sw.js").permitAll()
			.requestMatchers(HttpMethod.POST, "/citizen/place").hasRole("CITIZEN")
			.requestMatchers("/portal/**", "/portal").hasAnyRole(EDITORS);
	}
}
