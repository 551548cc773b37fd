package vn.xaso.farm.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.farm.FarmException;
import vn.xaso.platform.web.Form;

/** Turns {@link FarmException}s into the page's language; "not found" refusals become 404, "not allowed" 403. */
@Component("farmTexts")
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	String t(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	Form reject(Form form, FarmException e) {
		return reject(form, e, "");
	}

	/** On a page with several forms: the field's id is {@code <prefix><field>} (e.g. "device-name"). */
	Form reject(Form form, FarmException e, String prefix) {
		refuseAccess(e);
		form.reject(prefix + (e.field() == null ? "general" : e.field()), t(e.key(), e.args()));
		return form;
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
