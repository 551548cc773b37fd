package vn.xaso.platform.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.Refusal;

/**
 * The one error shape of the API ({@code /api/**}, {@code /open311/**}): RFC 9457
 * {@code application/problem+json} with a {@code title} and a {@code detail} in the caller's language
 * (Vietnamese; English with {@code ?lang=en}, the language cookie or {@code Accept-Language: en}), and
 * optionally {@code errors}: field → message. Module exception handlers build their answers here.
 */
public final class Problems {

	/** Request attribute: message key of a specific reason, read by the error page and the API answer. */
	public static final String REASON_KEY = Problems.class.getName() + ".reason";

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private Problems() {
	}

	/** A problem answer with a detail already in the caller's language. */
	public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail,
			@Nullable Map<String, ?> errors) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem);
	}

	/** A problem answer whose title and detail are message keys, translated for the request. */
	public static ResponseEntity<ProblemDetail> answer(MessageSource messages, HttpServletRequest request, HttpStatus status,
			String detailKey, Object... args) {
		var locale = locale(request);
		var title = messages.getMessage("error." + titleCode(status.value()) + ".title", null, status.getReasonPhrase(), locale);
		var detail = messages.getMessage(detailKey, args, title, locale);
		return answer(status, title, detail, null);
	}

	/**
	 * A module's refusal with messages per field ({@code ""} = the request as a whole), already in
	 * Vietnamese: problem+json with {@code detail} = the messages joined, and {@code errors} = the map.
	 */
	public static ResponseEntity<ProblemDetail> fields(HttpStatus status, Map<String, ?> errors) {
		var detail = errors.values().stream().map(String::valueOf).distinct().reduce((a, b) -> a + " " + b).orElse(title(status));
		return answer(status, title(status), detail, errors);
	}

	/**
	 * A module's refusal with one message: problem+json with {@code detail}; {@code error} repeats it for
	 * clients written before the problem format.
	 */
	public static ResponseEntity<ProblemDetail> message(HttpStatus status, String message) {
		var answer = answer(status, title(status), message, null);
		answer.getBody().setProperty("error", message);
		return answer;
	}

	/** The status's title in the current request's language. */
	static String title(HttpStatus status) {
		var english = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				&& locale(a.getRequest()).getLanguage().equals("en");
		var key = switch (status.value()) {
			case 400, 401, 403, 404, 409, 413, 415 -> "platform.text.status." + status.value();
			default -> status.is5xxServerError() ? "platform.text.status.500" : "platform.text.status.400";
		};
		return text(english, key);
	}

	/** Whether a failure (or one of its causes) is a NUL character in a JSON string. */
	public static boolean isNulCharacter(Throwable error) {
		for (var t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof JsonStrings.NulCharacter) {
				return true;
			}
		}
		return false;
	}

	/** The NUL message in the current request's language. */
	public static String nulMessage() {
		var english = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				&& locale(a.getRequest()).getLanguage().equals("en");
		return text(english, "platform.error.nul");
	}

	/** A text of the platform bundle in English or Vietnamese. */
	static String text(boolean english, String key) {
		return Refusal.textIn(PersonalData.BUNDLE, english ? Locale.ENGLISH : Locale.ROOT, key);
	}

	/** Whether an error at this path is answered as problem JSON rather than an HTML page. */
	public static boolean isApi(@Nullable String path, @Nullable String accept) {
		if (path != null && (path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/v3/api-docs"))) {
			return true;
		}
		if (accept == null || accept.isBlank() || accept.contains("text/html")) {
			return false;
		}
		return accept.contains("json");
	}

	/** The status whose title and text the error page and the API use for a given status. */
	static String titleCode(int status) {
		return switch (status) {
			case 400, 401, 403, 404, 405, 409, 413, 415, 429 -> String.valueOf(status);
			default -> status >= 500 ? "500" : "400";
		};
	}

	/**
	 * The caller's language for error answers: {@code ?lang=}, else the language cookie, else
	 * {@code Accept-Language} English, else Vietnamese.
	 */
	public static Locale locale(HttpServletRequest request) {
		var lang = request.getParameter("lang");
		if (lang != null && (lang.equals("en") || lang.equals("vi"))) {
			return Locale.forLanguageTag(lang);
		}
		var cookies = request.getCookies();
		if (cookies != null) {
			for (var cookie : cookies) {
				if ("xaso_lang".equals(cookie.getName()) && cookie.getValue() != null) {
					return cookie.getValue().startsWith("en") ? Locale.ENGLISH : WebConfiguration.VIETNAMESE;
				}
			}
		}
		var accept = request.getHeader("Accept-Language");
		if (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
			return Locale.ENGLISH;
		}
		return WebConfiguration.VIETNAMESE;
	}
}
