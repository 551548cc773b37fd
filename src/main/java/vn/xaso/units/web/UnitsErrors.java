package vn.xaso.units.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.xaso.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the units API's refusals into {@code {"error": "…"}} with a Vietnamese message. */
@RestControllerAdvice(assignableTypes = UnitsController.class)
class UnitsErrors {

	@ExceptionHandler(UnitsController.BadRequest.class)
	ResponseEntity<ProblemDetail> badRequest(UnitsController.BadRequest e) {
		return Problems.message(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(UnitsController.NotFound.class)
	ResponseEntity<ProblemDetail> notFound(UnitsController.NotFound e) {
		return Problems.message(HttpStatus.NOT_FOUND, e.getMessage());
	}
}
