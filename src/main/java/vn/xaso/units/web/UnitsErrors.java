package vn.xaso.units.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the units API's refusals into {@code {"error": "…"}} with a Vietnamese message. */
@RestControllerAdvice(assignableTypes = UnitsController.class)
class UnitsErrors {

	@ExceptionHandler(UnitsController.BadRequest.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	Map<String, String> badRequest(UnitsController.BadRequest e) {
		return Map.of("error", e.getMessage());
	}

	@ExceptionHandler(UnitsController.NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	Map<String, String> notFound(UnitsController.NotFound e) {
		return Map.of("error", e.getMessage());
	}
}
