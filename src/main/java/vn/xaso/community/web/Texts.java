package vn.xaso.community.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.community.CommunityException;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Form;

/** Turns refusals (Bean Validation errors, {@link CommunityException}s) into the page's language. */
@Component
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	/** The message {@code key} in the page's language; an argument that is a refusal of another module (e.g. an account's) is shown in that language too. */
	String t(String key, Object... args) {
		var locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, Refusal.arguments(args, locale), key, locale);
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

	/** Adds the refusal to the form; "not allowed" refusals become 403, "not found" 404. */
	Form reject(Form form, CommunityException e) {
		refuseAccess(e);
		form.reject(e.field() == null ? "general" : e.field(), t(e.key(), e.args()));
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
