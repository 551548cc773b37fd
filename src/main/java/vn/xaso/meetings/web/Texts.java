package vn.xaso.meetings.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.meetings.MeetingsException;
import vn.xaso.platform.web.PageTexts;

/** Turns {@link MeetingsException}s into the page's language; "not found" refusals become 404, "organisers only" 403. */
@Component("meetingsTexts")
class Texts extends PageTexts<MeetingsException> {

	Texts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(MeetingsException e) {
		refuseAccess(e);
	}

	static void refuseAccess(MeetingsException e) {
		if (e.notFound()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (e.key().equals("meetings.error.organiserOnly") || e.key().equals("meetings.error.confidential")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
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
