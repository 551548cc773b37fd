package vn.xaso.cameras.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.cameras.CameraException;

/** A refusal no page caught (another's camera, a police page for an administrator): 403, 404 or 409/400 — never a 5xx. */
@ControllerAdvice(basePackageClasses = CameraErrors.class)
class CameraErrors {

	@ExceptionHandler(CameraException.class)
	void refused(CameraException e, HttpServletResponse response) throws IOException {
		int access = CameraTexts.access(e);
		response.sendError(access != 0 ? access : CameraTexts.status(e));
	}
}
