package vn.xaso.health.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.health.HealthException;
import vn.xaso.platform.web.PageTexts;

/** Turns {@link HealthException}s into the page's language; "not found" becomes 404, "doctors only" 403. */
@Component("healthTexts")
class HealthTexts extends PageTexts<HealthException> {

	HealthTexts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(HealthException e) {
		refuseAccess(e);
	}

	static void refuseAccess(HealthException e) {
		if (e.notFound() || e.key().equals("health.error.noCommune")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (e.key().equals("health.error.doctorOnly")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}
}
