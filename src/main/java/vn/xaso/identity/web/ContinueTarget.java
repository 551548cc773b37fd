package vn.xaso.identity.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a citizen goes after signing in: the citizen page they asked for before being sent to the sign-in
 * (e.g. a procedure's form after "Nộp trực tuyến"). Only a path on this site under {@code /citizen} is
 * accepted; an absolute address, another host, {@code //host}, a backslash or a control character is
 * refused (an open redirect would let a fake SMS send people to a look-alike site after a real sign-in).
 */
final class ContinueTarget {

	static final String PARAMETER = "continue";
	static final String HOME = "/citizen";
	private static final int MAX_LENGTH = 500;

	private ContinueTarget() {
	}

	/** The target if it is a safe same-site citizen path, else {@code null}. */
	static @Nullable String safe(@Nullable String target) {
		if (target == null || target.isBlank() || target.length() > MAX_LENGTH) {
			return null;
		}
		if (!target.startsWith("/") || target.startsWith("//") || target.indexOf('\\') >= 0
				|| target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			return null;
		}
		try {
			var uri = new URI(target);
			if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
				return null;
			}
			var path = uri.getRawPath();
			if (!(path.equals(HOME) || path.startsWith(HOME + "/")) || path.startsWith("/citizen/signin")
					|| path.startsWith("/citizen/verify") || path.startsWith("/citizen/otp") || path.contains("/../")) {
				return null;
			}
			return target;
		}
		catch (URISyntaxException e) {
			return null;
		}
	}

	/** Where to go after signing in: the safe target, or the citizen home. */
	static String orHome(@Nullable String target) {
		var safe = safe(target);
		return safe == null ? HOME : safe;
	}

	/** The {@code &continue=…} query part for a safe target, or nothing. */
	static String query(@Nullable String target, boolean first) {
		var safe = safe(target);
		return safe == null || safe.equals(HOME) ? "" : (first ? "?" : "&") + PARAMETER + "=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
	}

	/** The page a signed-out citizen asked for (GET only: a form post cannot be replayed), as a target. */
	static @Nullable String requested(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var query = request.getQueryString();
		return safe(query == null ? path : path + "?" + query);
	}
}
