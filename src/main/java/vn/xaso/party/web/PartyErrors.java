package vn.xaso.party.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.party.PartyException;

/** A refusal no page caught: 404 (not a member, not their cell), 403 (not their duty) or 409 — never a 5xx. */
@ControllerAdvice(basePackageClasses = PartyErrors.class)
class PartyErrors {

	@ExceptionHandler(PartyException.class)
	void refused(PartyException e, HttpServletResponse response) throws IOException {
		response.sendError(e.notFound() ? 404 : e.forbidden() ? 403 : 409);
	}
}
