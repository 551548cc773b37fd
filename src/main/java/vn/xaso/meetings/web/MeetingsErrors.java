package vn.xaso.meetings.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.meetings.MeetingsException;

/** A refusal no page caught (a meeting of another unit, one the caller was not invited to): 404, 403 or 409 — never a 5xx. */
@ControllerAdvice(basePackageClasses = MeetingsErrors.class)
class MeetingsErrors {

	@ExceptionHandler(MeetingsException.class)
	void refused(MeetingsException e, HttpServletResponse response) throws IOException {
		response.sendError(e.notFound() ? 404
				: e.key().equals("meetings.error.organiserOnly") || e.key().equals("meetings.error.confidential") ? 403 : 409);
	}
}
