package vn.xaso.calendar.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.xaso.calendar.CalendarException;
import vn.xaso.platform.web.Problems;

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
	ResponseEntity<ProblemDetail> badInput(IllegalArgumentException e) {
		return Problems.message(HttpStatus.BAD_REQUEST, CalendarException.localMessage(e));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		if (Problems.isNulCharacter(e)) {
			return Problems.message(HttpStatus.BAD_REQUEST, Problems.nulMessage());
		}
		return Problems.message(HttpStatus.BAD_REQUEST, CalendarException.of("calendar.error.json").localMessage());
	}
}
