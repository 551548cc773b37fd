package vn.xaso.notify.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.xaso.notify.internal.PushRegistrations;

/** Bad input to the push API: 400 with {@code {"errors": {"field": "message"}}} in the request's language. */
@RestControllerAdvice(assignableTypes = PushApiController.class)
class NotifyErrors {

	private static final String NOTIFY = "i18n/notify";

	@ExceptionHandler(PushRegistrations.Invalid.class)
	ResponseEntity<ProblemDetail> invalid(PushRegistrations.Invalid e) {
		return Problems.fields(HttpStatus.BAD_REQUEST, e.localErrors());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		if (Problems.isNulCharacter(e)) {
			return Problems.fields(HttpStatus.BAD_REQUEST, Map.of("body", Problems.nulMessage()));
		}
		return Problems.fields(HttpStatus.BAD_REQUEST, Map.of("body", Refusal.localText(NOTIFY, "notify.error.notJson")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return Problems.fields(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Map.of("body", Refusal.localText(NOTIFY, "notify.error.notJsonType")));
	}
}
