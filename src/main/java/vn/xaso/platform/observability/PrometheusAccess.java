package vn.xaso.platform.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.platform.web.AccessRules;

/**
 * {@code /actuator/prometheus} answers only a scraper that sends {@code Authorization: Bearer <token>} with
 * the token configured in {@code xaso.metrics.token} (XASO_METRICS_TOKEN). Unset, the endpoint is closed to
 * everyone: safe by default, also behind a reverse proxy where every caller looks local.
 */
@Component
class PrometheusAccess implements AccessRules {

	private final byte[] expected;

	PrometheusAccess(@Value("${xaso.metrics.token:}") String token) {
		this.expected = token.isBlank() ? new byte[0] : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/actuator/prometheus")
			.access((authentication, context) -> new AuthorizationDecision(allowed(context.getRequest())));
	}

	boolean allowed(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return expected.length > 0 && header != null
				&& MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8));
	}
}
