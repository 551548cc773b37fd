package vn.xaso.dossiers;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.platform.Refusal;

/**
 * Bad input or a step not allowed; messages are Vietnamese, per field ("" for the whole request). A refusal made with
 * {@link #of(String, String, Object...)} names a message of the dossiers bundle ({@code i18n/dossiers}): its
 * Vietnamese text is the message, and pages show {@link #message(MessageSource, Locale)} in the reader's language.
 */
public class DossierException extends Refusal {

	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/dossiers");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private final @Nullable String key;
	private final Object[] args;

	public DossierException(String field, String message) {
		super(field, message);
		this.key = null;
		this.args = new Object[0];
	}

	public DossierException(Map<String, String> errors) {
		super(errors, String.join(" ", errors.values()));
		this.key = null;
		this.args = new Object[0];
	}

	private DossierException(String field, String key, Object[] args) {
		super(field, vietnamese(key, args));
		this.key = key;
		this.args = args;
	}

	/** A refusal of {@code field} with the message {@code key} of the dossiers bundle. */
	public static DossierException of(String field, String key, Object... args) {
		return new DossierException(field, key, args);
	}

	/** The Vietnamese text of a message of the dossiers bundle (for texts kept with a result, e.g. a batch's outcome). */
	public static String vietnamese(String key, Object... args) {
		return VIETNAMESE.getMessage(key, args, key, Locale.ROOT);
	}

	public @Nullable String key() {
		return key;
	}

	/** The messages in the reader's language, joined (the Vietnamese ones when the refusal names no key). */
	public String message(MessageSource messages, Locale locale) {
		return key == null ? String.join(" ", errors().values()) : messages.getMessage(key, args, String.join(" ", errors().values()), locale);
	}
}
