package vn.xaso.insights;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.platform.Refusal;

/**
 * A refused insights request. {@link #of(String, String, Object...)} names a message of the insights bundle
 * ({@code i18n/insights}): {@link #getMessage()} is its Vietnamese text, pages show {@link #message(MessageSource, Locale)}.
 */
public class InsightsException extends Refusal {

	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/insights");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private final @Nullable String key;
	private final Object[] args;

	public InsightsException(String field, String message) {
		super(field, message);
		this.key = null;
		this.args = new Object[0];
	}

	private InsightsException(String field, String key, Object[] args) {
		super(field, VIETNAMESE.getMessage(key, args, key, Locale.ROOT));
		this.key = key;
		this.args = args;
	}

	/** A refusal for {@code field} with the message {@code key} of the insights bundle. */
	public static InsightsException of(String field, String key, Object... args) {
		return new InsightsException(field, key, args);
	}

	/** The message in the reader's language. */
	public String message(MessageSource messages, Locale locale) {
		return key == null ? getMessage() : messages.getMessage(key, args, getMessage(), locale);
	}
}
