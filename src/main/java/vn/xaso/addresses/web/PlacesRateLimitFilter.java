package vn.xaso.addresses.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Problems;
import vn.xaso.platform.web.RateLimits;
import vn.xaso.platform.web.RateLimits.Limit;
import vn.xaso.platform.web.TooManyRequestsPage;

/**
 * Limits public plus-code look-ups per address (buckets in PostgreSQL, shared by replicas), so the
 * registry cannot be walked cell by cell: {@code xaso.addresses.lookups-per-address-per-hour} (300).
 * The empty look-up box is not counted.
 */
@Component
class PlacesRateLimitFilter extends OncePerRequestFilter {

	private static final String BUNDLE = "i18n/addresses";

	private final RateLimits limits;
	private final TooManyRequestsPage tooMany;
	private final Environment env;

	PlacesRateLimitFilter(RateLimits limits, TooManyRequestsPage tooMany, Environment env) {
		this.limits = limits;
		this.tooMany = tooMany;
		this.env = env;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getServletPath();
		if (!"GET".equals(request.getMethod())) {
			return true;
		}
		if (path.equals("/place")) {
			var code = request.getParameter("code");
			return code == null || code.isBlank();
		}
		return !(path.startsWith("/place/") || path.startsWith("/api/v1/places/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var limit = new Limit("places-address", env.getProperty("xaso.addresses.lookups-per-address-per-hour", Integer.class, 300),
				Duration.ofHours(1));
		if (limits.tryConsume(limit, request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getServletPath().startsWith("/api/")) {
			response.setStatus(429);
			response.setHeader("Retry-After", "600");
			response.setContentType("application/problem+json;charset=UTF-8");
			var locale = Problems.locale(request);
			response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + Refusal.textIn(BUNDLE, locale, "addresses.error.tooMany.title")
					+ "\",\"status\":429,\"detail\":\"" + Refusal.textIn(BUNDLE, locale, "addresses.error.tooMany") + "\"}")
				.getBytes(StandardCharsets.UTF_8));
			return;
		}
		tooMany.write(request, response, Duration.ofMinutes(10), "/place");
	}
}
