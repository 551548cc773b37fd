package vn.xaso.cameras.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.cameras.CameraException;
import vn.xaso.platform.web.PageTexts;

/** Turns {@link CameraException}s into the page's language; "not found" refusals become 404, "not allowed" 403. */
@Component
class CameraTexts extends PageTexts<CameraException> {

	CameraTexts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(CameraException e) {
		refuseAccess(e);
	}

	static void refuseAccess(CameraException e) {
		int status = access(e);
		if (status != 0) {
			throw new ResponseStatusException(HttpStatus.valueOf(status));
		}
	}

	/** 403 or 404 for a refusal of access, else 0. */
	static int access(CameraException e) {
		return switch (e.key()) {
			case "cameras.error.notAllowed", "cameras.error.policeOnly" -> 403;
			case "cameras.error.noCamera", "cameras.error.noIncident" -> 404;
			default -> 0;
		};
	}

	/** 409 when the state refuses the step, 400 for bad input. */
	static int status(CameraException e) {
		return switch (e.key()) {
			case "cameras.error.disabled", "cameras.error.incidentClosed", "cameras.error.notHousehold" -> 409;
			default -> 400;
		};
	}
}
