package vn.xaso.calendar;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

import vn.xaso.platform.Refusal;

/**
 * A date or adjustment the calendar refuses: still an {@link IllegalArgumentException} (callers of the
 * calendar catch that), with a message {@code key} of the calendar bundle ({@code i18n/calendar}):
 * {@link #getMessage()} is the Vietnamese text, the API and pages show {@link #message(Locale)}.
 */
public class CalendarException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;
	static final String BUNDLE = "i18n/calendar";

	private final String key;
	private final transient Object[] args;

	private CalendarException(String key, Object[] args) {
		super(Refusal.bundleText(BUNDLE, key, args));
		this.key = key;
		this.args = args;
	}

	/** A refusal with the message {@code key} of the calendar bundle; numbers are best passed as text. */
	public static CalendarException of(String key, Object... args) {
		return new CalendarException(key, args);
	}

	public String key() {
		return key;
	}

	/** The message in {@code locale}. */
	public String message(Locale locale) {
		return Refusal.textIn(BUNDLE, locale, key, args);
	}

	/** The message in the current request's language. */
	public String localMessage() {
		return message(LocaleContextHolder.getLocale());
	}

	/** The message of {@code e} in the current request's language (a calendar refusal's, or the message as it is). */
	public static String localMessage(IllegalArgumentException e) {
		return e instanceof CalendarException c ? c.localMessage() : String.valueOf(e.getMessage());
	}
}
