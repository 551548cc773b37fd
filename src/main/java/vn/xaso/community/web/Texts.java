package vn.xaso.community.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.community.CommunityException;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.PageTexts;

/** Turns refusals (Bean Validation errors, {@link CommunityException}s) into the page's language. */
@Component
class Texts extends PageTexts<CommunityException> {

	Texts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(CommunityException e) {
		refuseAccess(e);
	}

	/** Adds each field error; constraint messages are message keys, anything else (a wrong type) a general one. */
	Form reject(Form form, BindingResult result) {
		for (var e : result.getFieldErrors()) {
			var key = e.getDefaultMessage() != null && e.getDefaultMessage().startsWith("community.") && !e.isBindingFailure()
					? e.getDefaultMessage() : "community.error.invalid";
			form.reject(e.getField(), t(key));
		}
		return form;
	}

	static void refuseAccess(CommunityException e) {
		switch (e.key()) {
			case "community.error.adminOnly" -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			case "community.error.noHousehold", "community.error.noTeam", "community.error.noTraining" ->
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			default -> {
			}
		}
	}
}
