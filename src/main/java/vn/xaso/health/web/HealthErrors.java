package vn.xaso.health.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.health.HealthException;

/** A refusal no page caught: the standard error page with 404, 403 or 409 — never a 5xx. */
@ControllerAdvice(basePackageClasses = HealthErrors.class)
class HealthErrors {

	@ExceptionHandler(HealthException.class)
	void refused(HealthException e, HttpServletResponse response) throws IOException {
		response.sendError(e.notFound() || e.key().equals("health.error.noCommune") ? 404
				: e.key().equals("health.error.doctorOnly") ? 403 : 409);
	}
}
