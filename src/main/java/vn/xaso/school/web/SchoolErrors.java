package vn.xaso.school.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.school.SchoolException;

/** A refusal no page caught: the standard error page with 404, 403 or 409 — never a 5xx. */
@ControllerAdvice(basePackageClasses = SchoolErrors.class)
class SchoolErrors {

	@ExceptionHandler(SchoolException.class)
	void refused(SchoolException e, HttpServletResponse response) throws IOException {
		response.sendError(e.notFound() ? 404 : e.key().endsWith("Only") ? 403 : 409);
	}
}
