package vn.xaso.health.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.health.HealthException;
import vn.xaso.platform.web.Form;

/** Turns {@link HealthException}s into the page's language; "not found" becomes 404, "doctors only" 403. */
@Component("healthTexts")
class HealthTexts {

	private final MessageSource messages;

	HealthTexts(MessageSource messages) {
		this.messages = messages;
	}

	String t(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	Form reject(Form form, HealthException e) {
		refuseAccess(e);
		form.reject(e.field() == null ? "general" : e.field(), t(e.key(), e.args()));
		return form;
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
