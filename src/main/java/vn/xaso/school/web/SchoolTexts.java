package vn.xaso.school.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.school.SchoolException;
import vn.xaso.platform.web.Form;

/** Turns {@link SchoolException}s into the page's language; "not found" becomes 404, "teachers or administrators only" 403. */
@Component("schoolTexts")
class SchoolTexts {

	private final MessageSource messages;

	SchoolTexts(MessageSource messages) {
		this.messages = messages;
	}

	String t(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	Form reject(Form form, SchoolException e) {
		refuseAccess(e);
		form.reject(e.field() == null ? "general" : e.field(), t(e.key(), e.args()));
		return form;
	}

	static void refuseAccess(SchoolException e) {
		if (e.notFound()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (e.key().equals("school.error.teacherOnly") || e.key().equals("school.error.adminOnly")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}
}
