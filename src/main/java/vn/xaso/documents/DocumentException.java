package vn.xaso.documents;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import vn.xaso.platform.Refusal;

/**
 * Bad input or a step not allowed in the document's state. {@link #of(String, String, Object...)} names a message
 * of the documents bundle ({@code i18n/documents}), resolved by {@link Refusal} like every module's refusal:
 * {@link #getMessage()} is its Vietnamese text (for logs and callers without a locale), pages show
 * {@link #localMessage()} in the reader's language.
 */
public class DocumentException extends Refusal {

	static final String BUNDLE = "i18n/documents";

	private DocumentException(String field, String key, Object[] args) {
		super(BUNDLE, Map.of(field, new Text(key, args)));
	}

	/** A refusal for {@code field} ({@code ""}: the whole request) with the message {@code key} of the documents bundle. */
	public static DocumentException of(String field, String key, Object... args) {
		return new DocumentException(field, key, args);
	}

	/** The Vietnamese text of the documents bundle's message {@code key}: for texts the register stores. */
	public static String vietnamese(String key, Object... args) {
		return Refusal.bundleText(BUNDLE, key, args);
	}

	/** The message in {@code locale} (the module's bundle; {@code messages} is not needed any more and kept for callers). */
	public String message(MessageSource messages, Locale locale) {
		return message(locale);
	}
}
