package vn.xaso.platform.web;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A module's own URL access rules. Each module declares one bean of this type next to its
 * controllers; the security configuration applies them all, after the platform's public assets
 * and before its catch-all rules ("/api/**" needs a signed-in caller, anything unknown is denied).
 * Every path a module opens here must also have a line in the access-control tests.
 */
public interface AccessRules {

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth);

	/**
	 * Requests that carry their own proof instead of a session (a signed bank webhook, a device
	 * token, an API key) and so need no CSRF token. Keep this list short and explain each entry.
	 */
	default List<RequestMatcher> csrfIgnored() {
		return List.of();
	}
}
