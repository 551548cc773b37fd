package vn.xaso.portal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.platform.Refusal;

/**
 * A refused portal action: {@code field} names the form field, {@code key} the message in the
 * portal bundle ({@code i18n/portal}). {@link #getMessage()} is the Vietnamese text; pages show
 * {@link #message(MessageSource, Locale)}.
 */
public class PortalException extends Refusal {

	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/portal");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private final String key;
	private final Object[] args;

	public PortalException(String field, String key, Object... args) {
		super(field, VIETNAMESE.getMessage(key, args, key, Locale.ROOT));
		this.key = key;
		this.args = args;
	}

	/**
	 * A text of the portal bundle in Vietnamese, for what is stored rather than shown at once (the
	 * announcement note an editor reads later).
	 */
	public static String vietnamese(String key, Object... args) {
		return VIETNAMESE.getMessage(key, args, key, Locale.ROOT);
	}

	public String key() {
		return key;
	}

	/** The message in the reader's language. */
	public String message(MessageSource messages, Locale locale) {
		return messages.getMessage(key, args, getMessage(), locale);
	}
}
