package vn.xaso.feedback.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * Who reaches the feedback pages: anyone reads a commune's public list and files a report; officials
 * of every role read their commune's reports; leaders, specialists and one-stop officers act on them.
 * Open311 is public; posting a report there needs the commune's API key, checked by the controller.
 * ({@code /citizen/**} and {@code /admin/**} keep the platform's rules.)
 */
@Component
class FeedbackAccessRules implements AccessRules {

	static final String[] OFFICIAL_ROLES = Role.staffNames();

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.POST, "/x/*/feedback").permitAll()
			.requestMatchers(HttpMethod.GET, "/open311/**").permitAll()
			.requestMatchers(HttpMethod.POST, "/open311/v2/requests.json", "/open311/v2/requests.xml").permitAll()
			.requestMatchers(HttpMethod.POST, "/feedback/**").hasAnyRole(Role.LEADER.name(), Role.SPECIALIST.name(), Role.ONE_STOP.name())
			.requestMatchers(HttpMethod.GET, "/feedback", "/feedback/**").hasAnyRole(OFFICIAL_ROLES);
	}

	/** Open311 clients prove themselves with the commune's API key, not a session. */
	@Override
	public List<RequestMatcher> csrfIgnored() {
		return List.of(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/open311/v2/requests.json"),
				PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/open311/v2/requests.xml"));
	}
}
