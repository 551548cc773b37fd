package vn.xaso.notify.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.xaso.notify.internal.PushRegistrations;

/** Bad input to the push API: 400 with {@code {"errors": {"field": "message"}}} in Vietnamese. */
@RestControllerAdvice(assignableTypes = PushApiController.class)
class NotifyErrors {

	@ExceptionHandler(PushRegistrations.Invalid.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, Object> invalid(PushRegistrations.Invalid e) {
		return Map.of("errors", e.errors());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, Object> unreadable(HttpMessageNotReadableException e) {
		return Map.of("errors", Map.of("body", "Nội dung gửi lên không phải JSON hợp lệ dạng "
				+ "{\"endpoint\": \"https://…\", \"keys\": {\"p256dh\": \"…\", \"auth\": \"…\"}, \"unitCode\": \"14701\"}."));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	@ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
	Map<String, Object> mediaType(HttpMediaTypeNotSupportedException e) {
		return Map.of("errors", Map.of("body", "Cần gửi Content-Type: application/json."));
	}
}
