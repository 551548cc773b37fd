package vn.xaso.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.platform.web.DeviceCookie;

/**
 * The idempotency scope of a caller with neither an account nor a session: an Open311 app, a push
 * subscription, a script. Such a caller's keys are kept apart from every other caller's by what is
 * known of it — its address (the real one behind a trusted proxy), its device cookie and its
 * credentials ({@code Authorization} header, Open311 {@code api_key}) — hashed, never stored as is.
 * Before, all of them shared one scope, so two people sending the same {@code Idempotency-Key} and
 * body (a client deriving the key from the content, a weak key such as "1") got each other's answer.
 * The price: a retry from another address (a phone moving from Wi-Fi to 4G) is a new request.
 * Forms need nothing more: their key already contains the per-rendering CSRF value.
 */
final class AnonymousCaller {

	private AnonymousCaller() {
	}

	static String scope(HttpServletRequest request) {
		var who = String.join("\n", "address=" + request.getRemoteAddr(),
				"device=" + DeviceCookie.of(request).orElse(""),
				"authorization=" + nullToEmpty(request.getHeader("Authorization")),
				"api_key=" + nullToEmpty(request.getParameter("api_key")));
		return "anonymous:" + RequestFingerprint.sha256(who);
	}

	private static String nullToEmpty(@org.jspecify.annotations.Nullable String value) {
		return value == null ? "" : value;
	}
}
