package vn.xaso.documents;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.platform.Refusal;

/**
 * Bad input or a step not allowed in the document's state. {@link #of(String, String, Object...)} names a message
 * of the documents bundle ({@code i18n/documents}): {@link #getMessage()} is its Vietnamese text (for logs and
 * callers without a locale), pages show {@link #message(MessageSource, Locale)} in the reader's language.
 */
public class DocumentException extends Refusal {

	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/documents");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private final @Nullable String key;
	private final Object[] args;

	/** {@code field}: the form field the message belongs to, or {@code ""} for the whole request; a ready message. */
	public DocumentException(String field, String message) {
		super(field, message);
		this.key = null;
		this.args = new Object[0];
	}

	private DocumentException(String field, String key, Object[] args) {
		super(field, VIETNAMESE.getMessage(key, args, key, Locale.ROOT));
		this.key = key;
		this.args = args;
	}

	/** A refusal for {@code field} with the message {@code key} of the documents bundle. */
	public static DocumentException of(String field, String key, Object... args) {
		return new DocumentException(field, key, args);
	}

	/** The Vietnamese text of the documents bundle's message {@code key}: for texts the register stores. */
	public static String vietnamese(String key, Object... args) {
		return VIETNAMESE.getMessage(key, args, key, Locale.ROOT);
	}

	/** The bundle key, null for a ready message (e.g. one quoted from the signing module). */
	public @Nullable String key() {
		return key;
	}

	/** The message in the reader's language. */
	public String message(MessageSource messages, Locale locale) {
		return key == null ? getMessage() : messages.getMessage(key, args, getMessage(), locale);
	}
}
