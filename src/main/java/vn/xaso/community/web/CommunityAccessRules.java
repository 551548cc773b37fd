package vn.xaso.community.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Community paths: teams, adding touch points and the import are the administrator's; visits are recorded by
 * team members; the touch points' page is read by every community role; the rest is open to the administrator,
 * the leader and team members — each then sees only their part (commune staff the commune, a member their assigned
 * households, a village head their village's households, read only).
 */
@Component
class CommunityAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		// The field app's service worker holds no data: anyone may fetch it (browsers re-check it without asking).
		auth.requestMatchers("/community/sw.js").permitAll()
			.requestMatchers("/community/sync").hasRole("COMMUNITY_TEAM")
			// the touch points (public places, no personal data) on their map: every community role reads them
			.requestMatchers(HttpMethod.GET, "/community/touch-points").hasAnyRole("ADMIN", "LEADER", "COMMUNITY_TEAM", "VILLAGE_HEAD")
			.requestMatchers("/community/teams", "/community/teams/**", "/community/import", "/community/touch-points")
			.hasRole("ADMIN")
			.requestMatchers("/community/households/*/visits", "/community/households/*/visits/**").hasRole("COMMUNITY_TEAM")
			// a village head reads their own village's households (the use cases narrow it), nothing else
			.requestMatchers(HttpMethod.GET, "/community/households/new").hasAnyRole("ADMIN", "LEADER", "COMMUNITY_TEAM")
			.requestMatchers(HttpMethod.GET, "/community/households/export.*").hasAnyRole("ADMIN", "LEADER", "VILLAGE_HEAD")
			.requestMatchers(HttpMethod.GET, "/community", "/community/households", "/community/households/*", "/community/adoption")
			.hasAnyRole("ADMIN", "LEADER", "COMMUNITY_TEAM", "VILLAGE_HEAD")
			.requestMatchers("/community", "/community/**").hasAnyRole("ADMIN", "LEADER", "COMMUNITY_TEAM");
	}
}
