package vn.xaso.units.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.xaso.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the units API's refusals into {@code {"error": "…"}} with a message of {@code i18n/units}. */
@RestControllerAdvice(assignableTypes = UnitsController.class)
class UnitsErrors {

	private final org.springframework.context.MessageSource messages;

	UnitsErrors(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UnitsController.NotFound.class)
	ResponseEntity<ProblemDetail> notFound(UnitsController.NotFound e) {
		return Problems.message(HttpStatus.NOT_FOUND, text(e));
	}

	@ExceptionHandler(UnitsController.BadRequest.class)
	ResponseEntity<ProblemDetail> badRequest(UnitsController.BadRequest e) {
		return Problems.message(HttpStatus.BAD_REQUEST, text(e));
	}

	/** The message in the reader's language (Vietnamese unless {@code ?lang=en} or {@code Accept-Language: en}). */
	private String text(UnitsController.BadRequest e) {
		return messages.getMessage(e.key, e.args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}
}
