package vn.xaso.notify.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/** Who may use the notify module's pages and API. */
@Component
class NotifyAccessRules implements AccessRules {

	private static final RequestMatcher SUBSCRIPTIONS = PathPatternRequestMatcher.pathPattern("/api/v1/push/subscriptions");

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/api/v1/push/vapid-public-key").permitAll()
			// anyone may (un)subscribe a browser: anonymously for a commune's public announcements
			.requestMatchers(HttpMethod.POST, "/api/v1/push/subscriptions").permitAll()
			.requestMatchers(HttpMethod.DELETE, "/api/v1/push/subscriptions").permitAll()
			.requestMatchers(HttpMethod.GET, "/notify/log").hasAnyRole(Role.ADMIN.name(), Role.LEADER.name())
			.requestMatchers(HttpMethod.POST, "/notify/log/test").hasRole(Role.ADMIN.name());
	}

	/**
	 * An anonymous (un)subscription binds the browser to nobody, so a forged one gains nothing and
	 * it needs no CSRF token (public pages stay free of sessions). A signed-in citizen's request
	 * binds the browser to their account and must carry the token ({@code X-CSRF-TOKEN}).
	 */
	@Override
	public List<RequestMatcher> csrfIgnored() {
		return List.of(request -> SUBSCRIPTIONS.matches(request) && anonymous());
	}

	private static boolean anonymous() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
	}
}
