package vn.xaso.addresses.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import vn.xaso.addresses.AddressException;
import vn.xaso.platform.web.Form;

/** Bean Validation and module errors as the specific Vietnamese (or English) message on the field. */
@Component
class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** Copies each field error onto the form (first one per field); a value of the wrong type gets its field's message. */
	Form apply(BindingResult result, Form form) {
		for (var error : result.getFieldErrors()) {
			if (form.error(error.getField()) != null) {
				continue;
			}
			var key = error.isBindingFailure() || error.getDefaultMessage() == null ? "addresses.error." + error.getField()
					: error.getDefaultMessage();
			form.reject(error.getField(), text(key));
		}
		return form;
	}

	Form apply(AddressException e, Form form) {
		return form.reject(e.field(), text(e.messageKey()));
	}
}
