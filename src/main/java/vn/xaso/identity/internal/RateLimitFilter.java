package vn.xaso.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Slows down guessing: official sign-in attempts per address and username, citizen code requests
 * and code checks per address. Buckets live in memory (one instance per commune is the common
 * case; behind several replicas the account lock-out in the database still applies).
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_KEYS = 50_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final int signInPerMinute;
	private final int codesPerHour;

	RateLimitFilter(Environment env) {
		this.signInPerMinute = env.getProperty("xaso.security.signin-per-minute", Integer.class, 10);
		this.codesPerHour = env.getProperty("xaso.security.codes-per-hour", Integer.class, 20);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		var path = request.getServletPath();
		return !path.equals("/signin") && !path.equals("/citizen/otp") && !path.equals("/citizen/verify");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var path = request.getServletPath();
		var address = request.getRemoteAddr();
		Bucket bucket;
		if (path.equals("/signin")) {
			var username = String.valueOf(request.getParameter("username")).strip().toLowerCase(java.util.Locale.ROOT);
			bucket = bucket("signin|" + address + "|" + username, () -> perWindow(signInPerMinute, Duration.ofMinutes(1)));
		}
		else {
			bucket = bucket(path + "|" + address, () -> perWindow(codesPerHour, Duration.ofHours(1)));
		}
		if (bucket.tryConsume(1)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", "60");
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write("""
				<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thử lại sau</title>
				<link rel="stylesheet" href="/assets/xaso.css"></head><body><main class="container">
				<h1>Bạn đã thử quá nhiều lần</h1><p>Để bảo vệ tài khoản, hệ thống tạm dừng. Vui lòng chờ một lát rồi thử lại.</p>
				<p><a href="/">Về trang chủ</a></p></main></body></html>""");
	}

	private Bucket bucket(String key, Supplier<Bucket> create) {
		if (buckets.size() > MAX_KEYS) {
			buckets.clear();
		}
		return buckets.computeIfAbsent(key, k -> create.get());
	}

	private static Bucket perWindow(int capacity, Duration window) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build();
	}
}
