package vn.xaso.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.xaso.platform.Json;

/**
 * Makes every POST that could create something idempotent, without the controllers knowing.
 * <ul>
 * <li>An HTML form (url-encoded or multipart) already carries a one-time value: the CSRF field,
 * whose masked value changes with every rendering of the page. Form token + content is the key;
 * a repeat gets the first request's redirect.</li>
 * <li>An API call with an {@code Idempotency-Key} header: a repeat gets the first response (status,
 * body, Location); the same key with another body is refused with 422.</li>
 * </ul>
 * The first request claims the key ({@code in_progress}); a concurrent duplicate polls until the
 * first is done and replays its result, or — if the first made nothing (bad input, an error) —
 * runs itself. Only redirects and, for API calls, 2xx answers are kept; anything else is released.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	private static final tools.jackson.databind.json.JsonMapper JSON = Json.MAPPER;

	static final String HEADER = "Idempotency-Key";
	static final String REPLAYED = "Idempotent-Replayed";
	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
	private static final long MAX_API_BODY = 32L * 1024 * 1024;
	private static final Duration POLL = Duration.ofMillis(50);
	private static final Duration STALE = Duration.ofMinutes(10);

	private final IdempotencyStore store;
	private final MessageSource messages;
	private final LocaleResolver locales;
	private final Duration wait;

	IdempotencyFilter(IdempotencyStore store, MessageSource messages, LocaleResolver locales, Duration wait) {
		this.store = store;
		this.messages = messages;
		this.locales = locales;
		this.wait = wait;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var apiKey = request.getHeader(HEADER);
		HttpServletRequest forward = request;
		String key;
		String fingerprint;
		try {
			if (apiKey != null) {
				if (apiKey.isBlank() || apiKey.length() > 200) {
					problem(request, response, HttpStatus.BAD_REQUEST, "idempotency.badKey");
					return;
				}
				if (RequestFingerprint.isForm(request)) {
					fingerprint = RequestFingerprint.ofForm(request);
				}
				else {
					long length = request.getContentLengthLong();
					if (length > MAX_API_BODY) {
						chain.doFilter(request, response); // too big to hold in memory twice: no replay
						return;
					}
					var body = request.getInputStream().readNBytes((int) MAX_API_BODY + 1);
					if (body.length > MAX_API_BODY) { // sent without a length: refuse rather than cut it short
						problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "idempotency.tooLarge");
						return;
					}
					var cached = new RequestFingerprint.CachedBody(request, body);
					forward = cached;
					fingerprint = RequestFingerprint.ofBody(request, cached.body());
				}
				key = "api:" + apiKey;
			}
			else {
				var token = RequestFingerprint.isForm(request) ? formToken(request) : null;
				if (token == null) {
					chain.doFilter(request, response);
					return;
				}
				fingerprint = RequestFingerprint.ofForm(request);
				key = "form:" + RequestFingerprint.sha256(token + "\n" + fingerprint);
			}
		}
		catch (IllegalStateException | ServletException e) {
			// An upload over the size limit or a broken multipart body: the normal handling explains it.
			chain.doFilter(request, response);
			return;
		}
		var scope = scope(request);
		boolean api = apiKey != null;
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			if (store.claim(scope, key, fingerprint)) {
				runFirst(forward, response, chain, scope, key, api);
				return;
			}
			var entry = store.find(scope, key);
			if (entry.isEmpty()) {
				continue; // the first finished without a result worth keeping: try to be first now
			}
			if (!entry.get().fingerprint().equals(fingerprint)) {
				problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.mismatch");
				return;
			}
			if (entry.get().done()) {
				replay(entry.get(), response);
				return;
			}
			if (store.releaseIfStale(scope, key, STALE)) {
				continue;
			}
			if (System.nanoTime() > deadline) {
				busy(request, response, api);
				return;
			}
			try {
				Thread.sleep(POLL);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				busy(request, response, api);
				return;
			}
		}
	}

	private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope, String key,
			boolean api) throws IOException, ServletException {
		var capture = api ? new ContentCachingResponseWrapper(response) : null;
		try {
			chain.doFilter(request, capture != null ? capture : response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			store.release(scope, key);
			throw e;
		}
		int status = response.getStatus();
		var location = response.getHeader("Location");
		try {
			if (request.isAsyncStarted()) {
				store.release(scope, key);
			}
			else if (status >= 300 && status < 400 && location != null) {
				store.complete(scope, key, status, location, null, null);
			}
			else if (capture != null && status >= 200 && status < 300) {
				store.complete(scope, key, status, location, capture.getContentType(), capture.getContentAsByteArray());
			}
			else {
				store.release(scope, key);
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not record the result of {} for replay", request.getRequestURI(), e);
			store.release(scope, key);
		}
		finally {
			if (capture != null) {
				capture.copyBodyToResponse();
			}
		}
	}

	private static void replay(IdempotencyStore.Entry entry, HttpServletResponse response) throws IOException {
		response.setStatus(entry.status() == null ? HttpStatus.OK.value() : entry.status());
		response.setHeader(REPLAYED, "true");
		if (entry.location() != null) {
			response.setHeader("Location", entry.location());
		}
		if (entry.contentType() != null) {
			response.setContentType(entry.contentType());
		}
		if (entry.body() != null) {
			response.setContentLength(entry.body().length);
			response.getOutputStream().write(entry.body());
		}
	}

	/** The form's one-time value: the masked CSRF token of the page rendering it came from. */
	private static @Nullable String formToken(HttpServletRequest request) {
		var token = request.getParameter(RequestFingerprint.CSRF_PARAMETER);
		if (token == null || token.isBlank()) {
			token = request.getHeader("X-CSRF-TOKEN");
		}
		return token == null || token.isBlank() ? null : token;
	}

	/**
	 * Keys belong to one caller: the signed-in account, else the browser session (hashed), else the
	 * anonymous caller as far as it can be told apart (see {@link AnonymousCaller}) — never one scope
	 * shared by everybody, where two people sending the same key and body got each other's answer.
	 */
	private static String scope(HttpServletRequest request) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			return "user:" + auth.getPrincipal().getClass().getSimpleName() + ":" + auth.getName();
		}
		var session = request.getSession(false);
		return session != null ? "session:" + RequestFingerprint.sha256(session.getId()) : AnonymousCaller.scope(request);
	}

	/** The first request is still running after the wait: a form gets the usual error page, an API call a problem. */
	private void busy(HttpServletRequest request, HttpServletResponse response, boolean api) throws IOException {
		if (api) {
			problem(request, response, HttpStatus.CONFLICT, "idempotency.busy");
		}
		else {
			response.sendError(HttpStatus.CONFLICT.value());
		}
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
			throws IOException {
		var locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : locales.resolveLocale(request);
		var text = messages.getMessage(messageKey, null, messageKey, locale);
		var title = messages.getMessage("idempotency.title", null, "Idempotency-Key", locale);
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		var problem = new java.util.LinkedHashMap<String, Object>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", text);
		problem.put("errors", java.util.Map.of("", text));
		response.getWriter().write(JSON.writeValueAsString(problem));
	}
}
