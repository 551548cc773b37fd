package vn.xaso.meetings.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.meetings.MeetingsException;
import vn.xaso.platform.web.Form;

/** Turns {@link MeetingsException}s into the page's language; "not found" refusals become 404, "organisers only" 403. */
@Component("meetingsTexts")
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	String t(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	static void refuseAccess(MeetingsException e) {
		if (e.notFound()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (e.key().equals("meetings.error.organiserOnly")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	Form reject(Form form, MeetingsException e) {
		refuseAccess(e);
		form.reject(e.field() == null ? "general" : e.field(), t(e.key(), e.args()));
		return form;
	}

	/** A step on the meeting page: done → a notice, refused → the message; back to the page either way. */
	String step(long meetingId, RedirectAttributes redirect, Runnable action, String doneKey) {
		return step("/meetings/" + meetingId, redirect, action, doneKey);
	}

	String step(String back, RedirectAttributes redirect, Runnable action, String doneKey) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", t(doneKey));
		}
		catch (MeetingsException e) {
			refuseAccess(e);
			redirect.addFlashAttribute("error", t(e.key(), e.args()));
		}
		return "redirect:" + back;
	}
}
