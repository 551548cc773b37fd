package vn.xaso.school.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.school.SchoolException;
import vn.xaso.platform.web.PageTexts;

/** Turns {@link SchoolException}s into the page's language; "not found" becomes 404, "teachers or administrators only" 403. */
@Component("schoolTexts")
class SchoolTexts extends PageTexts<SchoolException> {

	SchoolTexts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(SchoolException e) {
		refuseAccess(e);
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
