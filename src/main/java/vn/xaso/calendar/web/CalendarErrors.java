package vn.xaso.calendar.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input to the calendar API becomes 400 with {"error": "…"} in Vietnamese. Limited to this module's
 * controllers so other modules keep their own error handling.
 */
@RestControllerAdvice(assignableTypes = { CalendarController.class, CalendarAdjustmentController.class })
class CalendarErrors {

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, String> badInput(IllegalArgumentException e) {
		return Map.of("error", String.valueOf(e.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, String> unreadable(HttpMessageNotReadableException e) {
		return Map.of("error", "Nội dung gửi lên không phải JSON hợp lệ dạng {\"date\": \"YYYY-MM-DD\", \"kind\": \"day_off\", \"note\": \"…\"}.");
	}
}
