package vn.xaso.signing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import vn.xaso.platform.Refusal;

/**
 * A signing or verification step that was refused: a message of the signing bundle ({@code i18n/signing}) with its
 * arguments, resolved by {@link Refusal} like every module's refusal. {@link #getMessage()} is its Vietnamese text (for
 * logs and callers without a locale), pages show {@link #localMessage()}; another module's refusal quotes it in its own
 * reader's language with {@link #quoted()}. It stays a plain {@link RuntimeException} (thrown deep in the signing code,
 * with its cause), as the calendar's exception does.
 */
public class SigningException extends RuntimeException {

	private static final long serialVersionUID = 1L;
	static final String BUNDLE = "i18n/signing";

	private final String key;
	private final Object[] args;

	protected SigningException(String key, Object[] args, @Nullable Throwable cause) {
		super(Refusal.bundleText(BUNDLE, key, args), cause);
		this.key = key;
		this.args = args;
	}

	/** A refusal with the message {@code key} of the signing bundle. */
	public static SigningException of(String key, Object... args) {
		return new SigningException(key, args, null);
	}

	/** Like {@link #of}, keeping the cause for the log. */
	public static SigningException because(Throwable cause, String key, Object... args) {
		return new SigningException(key, args, cause);
	}

	/** The message's key in the signing bundle. */
	public String key() {
		return key;
	}

	/** The arguments of the message {@link #key()}. */
	public Object[] args() {
		return args.clone();
	}

	/** The message in {@code locale}. */
	public String message(Locale locale) {
		return Refusal.textIn(BUNDLE, locale, key, args);
	}

	/** The message in the current request's language. */
	public String localMessage() {
		return message(LocaleContextHolder.getLocale());
	}

	/** The message as an argument of another module's message: said in that message's language. */
	public Refusal.Quoted quoted() {
		return new Refusal.Quoted(BUNDLE, key, args);
	}

	/** The message in {@code locale} ({@code messages} is not needed any more and kept for callers). */
	public String message(MessageSource messages, Locale locale) {
		return message(locale);
	}
}
