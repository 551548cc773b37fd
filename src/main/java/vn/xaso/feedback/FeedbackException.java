package vn.xaso.feedback;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused feedback action: {@code field} names the form field at fault, {@code key} the message
 * in the feedback bundle ({@code i18n/feedback}). {@link #getMessage()} is the Vietnamese text (for
 * logs and callers without a locale); pages show {@link #message(org.springframework.context.MessageSource, java.util.Locale)}.
 */
public class FeedbackException extends KeyedRefusal {

	public FeedbackException(String field, String key, Object... args) {
		super("i18n/feedback", field, key, args);
	}
}
