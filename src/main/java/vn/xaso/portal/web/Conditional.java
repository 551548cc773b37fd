package vn.xaso.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Conditional GET for the public pages: an ETag from the commune's last change and what changes the
 * rendering (language, large text, who is signed in), and Last-Modified. A browser or proxy that
 * revalidates gets 304 without the page being built. Pages for a signed-in person are private.
 */
final class Conditional {

	/**
	 * When this server started: part of every ETag and a floor for Last-Modified, so that after an
	 * upgrade no browser keeps a page that links assets by their old content-hashed names.
	 */
	private static final Instant STARTED = Instant.now();

	private Conditional() {
	}

	/** True when the caller's copy is current: the 304 is already set, return no body. */
	static boolean notModified(ServletWebRequest request, Instant changed, String what) {
		var lastModified = changed.isAfter(STARTED) ? changed : STARTED;
		var http = request.getRequest();
		var auth = SecurityContextHolder.getContext().getAuthentication();
		var signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
		var large = http.getCookies() != null && java.util.Arrays.stream(http.getCookies())
			.anyMatch(c -> "xaso_text".equals(c.getName()) && "large".equals(c.getValue()));
		var variant = what + "|" + lastModified.toEpochMilli() + "|" + RequestContextUtils.getLocale(http).getLanguage() + "|" + large
				+ "|" + (signedIn ? auth.getName() : "");
		HttpServletResponse response = request.getResponse();
		if (response != null) {
			response.setHeader("Cache-Control", (signedIn ? "private" : "public") + ", no-cache");
			response.setHeader("Vary", "Cookie, Accept-Language");
		}
		return request.checkNotModified("W/\"" + hash(variant) + "\"", lastModified.toEpochMilli());
	}

	private static String hash(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
