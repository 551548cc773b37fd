package vn.xaso.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.web.DeviceCookie;
import vn.xaso.platform.web.RateLimits;
import vn.xaso.platform.web.RateLimits.Limit;
import vn.xaso.platform.web.TooManyRequestsPage;

/**
 * Slows down guessing and text-message spam, with buckets shared by every replica
 * ({@link RateLimits}, in PostgreSQL):
 * <ul>
 * <li>official sign-in: attempts per address and username (wrong passwords are further slowed by
 * {@link SignInThrottle});</li>
 * <li>citizen code requests: per phone number, per device (the {@link DeviceCookie}) and a ceiling
 * for the whole instance; never per address alone, since a commune hall's Wi-Fi or a carrier's NAT
 * puts many people behind one. A browser without the device cookie (a script; a browser without
 * cookies cannot sign in anyway) is counted per address;</li>
 * <li>citizen code checks: per device (or address without the cookie).</li>
 * </ul>
 * Limits are read from the environment on each request ({@code xaso.security.*}).
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;
	private final TooManyRequestsPage tooMany;
	private final Environment env;

	RateLimitFilter(RateLimits limits, TooManyRequestsPage tooMany, Environment env) {
		this.limits = limits;
		this.tooMany = tooMany;
		this.env = env;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getServletPath();
		if ("GET".equals(request.getMethod())) {
			return !path.equals("/citizen/signin") && !path.equals("/citizen/verify");
		}
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		return !path.equals("/signin") && !path.equals("/citizen/otp") && !path.equals("/citizen/verify");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var path = request.getServletPath();
		if ("GET".equals(request.getMethod())) {
			// The forms that are limited per device hand out the device cookie with the form.
			DeviceCookie.ensure(request, response);
			chain.doFilter(request, response);
			return;
		}
		var address = request.getRemoteAddr();
		if (path.equals("/signin")) {
			var username = String.valueOf(request.getParameter("username")).strip().toLowerCase(Locale.ROOT);
			if (!limits.tryConsume(limit("signin", "signin-per-minute", 10, Duration.ofMinutes(1)), address + "|" + username)) {
				tooMany.write(request, response, Duration.ofMinutes(1), "/signin");
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		var device = DeviceCookie.of(request);
		var deviceKey = device.map(d -> "device|" + d).orElse("address|" + address);
		if (path.equals("/citizen/otp")) {
			var phone = PersonalData.normalisePhone(request.getParameter("phone"));
			var allowed = limits.tryConsume(limit("codes-device", "codes-per-device-per-hour", 10, Duration.ofHours(1)), deviceKey)
					&& (phone == null || limits.tryConsume(limit("codes-phone", "codes-per-phone-per-hour", 5, Duration.ofHours(1)), phone))
					&& (phone == null || limits.tryConsume(limit("codes-total", "codes-per-hour-total", 2000, Duration.ofHours(1)), "all"));
			if (!allowed) {
				tooMany.write(request, response, Duration.ofMinutes(10), "/citizen/signin");
				return;
			}
		}
		else if (!limits.tryConsume(limit("code-checks", "code-checks-per-device-per-hour", 30, Duration.ofHours(1)), deviceKey)) {
			tooMany.write(request, response, Duration.ofMinutes(10), "/citizen/signin");
			return;
		}
		chain.doFilter(request, response);
	}

	private Limit limit(String name, String property, int fallback, Duration window) {
		return new Limit(name, env.getProperty("xaso.security." + property, Integer.class, fallback), window);
	}
}
