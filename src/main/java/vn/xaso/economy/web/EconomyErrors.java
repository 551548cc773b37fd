package vn.xaso.economy.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.xaso.economy.EconomyException;

/**
 * A refusal no page caught (a producer account the commune has not linked yet, another producer's order): the
 * standard error page with 403, 404, or 409/400 — never a 5xx.
 */
@ControllerAdvice(basePackageClasses = EconomyErrors.class)
class EconomyErrors {

	@ExceptionHandler(EconomyException.class)
	void refused(EconomyException e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = switch (e.key()) {
			case "economy.error.staffOnly", "economy.error.producerOnly", "economy.error.adminOnly", "economy.error.notLinked" -> 403;
			case "economy.error.noProducer", "economy.error.noProduct", "economy.error.noOrder", "economy.error.noLot" -> 404;
			default -> Texts.status(e);
		};
		if (e.args().length == 0) {
			request.setAttribute(vn.xaso.platform.web.Problems.REASON_KEY, e.key());
		}
		response.sendError(status);
	}
}
