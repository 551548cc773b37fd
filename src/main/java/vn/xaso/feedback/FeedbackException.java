package vn.xaso.feedback;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.platform.Refusal;

/**
 * A refused feedback action: {@code field} names the form field at fault, {@code key} the message
 * in the feedback bundle ({@code i18n/feedback}). {@link #getMessage()} is the Vietnamese text (for
 * logs and callers without a locale); pages show {@link #message(MessageSource, Locale)}.
 */
public class FeedbackException extends Refusal {

	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/feedback");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private final String key;
	private final Object[] args;

	public FeedbackException(String field, String key, Object... args) {
		super(field, VIETNAMESE.getMessage(key, args, key, Locale.ROOT));
		this.key = key;
		this.args = args;
	}

	public String key() {
		return key;
	}

	/** The message in the reader's language. */
	public String message(MessageSource messages, Locale locale) {
		return messages.getMessage(key, args, getMessage(), locale);
	}
}
