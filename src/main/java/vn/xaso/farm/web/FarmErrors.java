package vn.xaso.farm.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.farm.FarmException;

/** A refusal no page caught (another farmer's farm, a staff page for a farmer): 403, 404 or 409/400 — never a 5xx. */
@ControllerAdvice(basePackageClasses = FarmErrors.class)
class FarmErrors {

	@ExceptionHandler(FarmException.class)
	void refused(FarmException e, HttpServletResponse response) throws IOException {
		int status = switch (e.key()) {
			case "farm.error.staffOnly", "farm.error.ownerOnly" -> 403;
			case "farm.error.noFarm", "farm.error.noAlarm", "farm.error.noDevice", "farm.error.noSchedule" -> 404;
			default -> Texts.status(e);
		};
		response.sendError(status);
	}
}
