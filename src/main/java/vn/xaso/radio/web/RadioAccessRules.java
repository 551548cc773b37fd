package vn.xaso.radio.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.AccessRules;

/**
 * Radio paths: replays and audio are public (they are public announcements); the device API is
 * open to the security chain because each request carries a device token checked by
 * {@link DeviceApiController}; management pages need ADMIN (zones, devices, pronunciations) or ADMIN/LEADER
 * (operations page and broadcasts).
 */
@Component
class RadioAccessRules implements AccessRules {

	static final String DEVICE_API = "/api/v1/radio/device/**";

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/radio/admin/zones", "/radio/admin/zones/**", "/radio/admin/devices", "/radio/admin/devices/**",
				"/radio/admin/pronunciations", "/radio/admin/pronunciations/**")
			.hasRole("ADMIN")
			.requestMatchers("/radio/admin", "/radio/admin/**").hasAnyRole("ADMIN", "LEADER")
			.requestMatchers(HttpMethod.GET, "/radio/broadcasts/*/audio").permitAll()
			.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "^/radio/[0-9]{5}$")).permitAll()
			.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET, "^/api/v1/radio/[0-9]{5}/broadcasts(\\?.*)?$")).permitAll()
			.requestMatchers(DEVICE_API).permitAll();
	}

	/** Receivers authenticate every request with their own token header and keep no session: no CSRF token. */
	@Override
	public List<RequestMatcher> csrfIgnored() {
		return List.of(PathPatternRequestMatcher.pathPattern(DEVICE_API));
	}
}
