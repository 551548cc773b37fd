package vn.xaso.feedback.web;

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
import vn.xaso.platform.web.DeviceCookie;
import vn.xaso.platform.web.RateLimits;
import vn.xaso.platform.web.RateLimits.Limit;
import vn.xaso.platform.web.TooManyRequestsPage;

/**
 * Limits new reports (buckets shared by replicas): the web form per device (the device cookie, handed
 * out with the form; per address without it) and per address with a ceiling generous enough for a
 * commune hall's Wi-Fi; Open311 per API key and per address. Settings {@code xaso.feedback.*-per-hour}.
 * Runs after Spring Security, so requests refused there (CSRF, access) cost nothing.
 */
@Component
class FeedbackRateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;
	private final TooManyRequestsPage tooMany;
	private final Environment env;

	FeedbackRateLimitFilter(RateLimits limits, TooManyRequestsPage tooMany, Environment env) {
		this.limits = limits;
		this.tooMany = tooMany;
		this.env = env;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getServletPath();
		if ("GET".equals(request.getMethod())) {
			return !path.matches("/x/[^/]+/feedback/new");
		}
		return !"POST".equals(request.getMethod())
				|| !(path.matches("/x/[^/]+/feedback") || path.equals("/open311/v2/requests.json") || path.equals("/open311/v2/requests.xml"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var path = request.getServletPath();
		if ("GET".equals(request.getMethod())) {
			DeviceCookie.ensure(request, response);
			chain.doFilter(request, response);
			return;
		}
		var address = request.getRemoteAddr();
		if (path.startsWith("/open311/")) {
			var key = String.valueOf(request.getParameter("api_key"));
			if (!limits.tryConsume(limit("open311-key", "open311-per-key-per-hour", 300), key)
					|| !limits.tryConsume(limit("open311-address", "open311-per-address-per-hour", 300), address)) {
				open311TooMany(path, response);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		var device = DeviceCookie.of(request).map(d -> "device|" + d).orElse("address|" + address);
		if (!limits.tryConsume(limit("feedback-device", "reports-per-device-per-hour", 10), device)
				|| !limits.tryConsume(limit("feedback-address", "reports-per-address-per-hour", 60), address)) {
			tooMany.write(request, response, Duration.ofMinutes(10), path + "/new");
			return;
		}
		chain.doFilter(request, response);
	}

	private Limit limit(String name, String property, int fallback) {
		return new Limit(name, env.getProperty("xaso.feedback." + property, Integer.class, fallback), Duration.ofHours(1));
	}

	/** Open311's error list, in the format asked for. */
	private static void open311TooMany(String path, HttpServletResponse response) throws IOException {
		var text = "too many requests: please wait and try again";
		response.setStatus(429);
		response.setHeader("Retry-After", "600");
		byte[] body;
		if (path.endsWith(".xml")) {
			response.setContentType("text/xml;charset=UTF-8");
			body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>429</code><description>" + text
					+ "</description></error></errors>").getBytes(StandardCharsets.UTF_8);
		}
		else {
			response.setContentType("application/json;charset=UTF-8");
			body = ("[{\"code\":429,\"description\":\"" + text + "\"}]").getBytes(StandardCharsets.UTF_8);
		}
		response.getOutputStream().write(body);
	}
}
