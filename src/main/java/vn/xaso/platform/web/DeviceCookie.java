package vn.xaso.platform.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A long-lived random cookie naming one browser, so that limits on code requests and reports can
 * count per device instead of per address (a commune hall's Wi-Fi or a carrier's NAT puts hundreds
 * of people behind one address). It carries nothing else and is not a session.
 */
public final class DeviceCookie {

	public static final String NAME = "xaso_device";
	private static final Duration LIFETIME = Duration.ofDays(730);
	private static final SecureRandom RANDOM = new SecureRandom();

	private DeviceCookie() {
	}

	/** The device id the browser sent, if it is well formed. */
	public static Optional<String> of(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (var cookie : request.getCookies()) {
				if (NAME.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[0-9a-f]{32}")) {
					return Optional.of(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/** The device id the browser sent, or a new one set on the response. */
	public static String ensure(HttpServletRequest request, HttpServletResponse response) {
		var known = of(request);
		if (known.isPresent()) {
			return known.get();
		}
		var bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		var id = HexFormat.of().formatHex(bytes);
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, id)
			.path("/")
			.maxAge(LIFETIME)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
		return id;
	}
}
