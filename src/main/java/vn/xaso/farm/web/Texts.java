package vn.xaso.farm.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.farm.FarmException;
import vn.xaso.platform.web.PageTexts;

/** Turns {@link FarmException}s into the page's language; "not found" refusals become 404, "not allowed" 403. */
@Component("farmTexts")
class Texts extends PageTexts<FarmException> {

	Texts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(FarmException e) {
		refuseAccess(e);
	}

	static void refuseAccess(FarmException e) {
		switch (e.key()) {
			case "farm.error.staffOnly", "farm.error.ownerOnly" -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			case "farm.error.noFarm", "farm.error.noAlarm", "farm.error.noSchedule" -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			default -> {
			}
		}
	}

	/** 409 when the state refuses the step, 400 for bad input. */
	static int status(FarmException e) {
		return switch (e.key()) {
			case "farm.error.alreadyAcknowledged", "farm.error.alarmCleared", "farm.error.acknowledgeFirst", "farm.error.alreadyRevoked",
					"farm.error.scheduleStopped", "farm.error.skipTwice" -> 409;
			default -> 400;
		};
	}
}
