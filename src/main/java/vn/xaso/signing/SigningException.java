package vn.xaso.signing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A signing or verification step that was refused. {@link #of(String, Object...)} names a message of the signing
 * bundle ({@code i18n/signing}): {@link #getMessage()} is its Vietnamese text (for logs and callers without a
 * locale, e.g. a dossier refusal that quotes it), pages show {@link #message(MessageSource, Locale)}.
 */
public class SigningException extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/signing");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private final @Nullable String key;
	private final Object[] args;

	public SigningException(String message) {
		super(message);
		this.key = null;
		this.args = new Object[0];
	}

	public SigningException(String message, Throwable cause) {
		super(message, cause);
		this.key = null;
		this.args = new Object[0];
	}

	protected SigningException(String key, Object[] args, @Nullable Throwable cause) {
		super(VIETNAMESE.getMessage(key, args, key, Locale.ROOT), cause);
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

	public @Nullable String key() {
		return key;
	}

	/** The arguments of the message {@link #key()}. */
	public Object[] args() {
		return args.clone();
	}

	/** The message in the reader's language (the Vietnamese text when it has no key). */
	public String message(MessageSource messages, Locale locale) {
		return key == null ? String.valueOf(getMessage()) : messages.getMessage(key, args, String.valueOf(getMessage()), locale);
	}
}
