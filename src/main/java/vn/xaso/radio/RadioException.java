package vn.xaso.radio;

import java.util.Map;

import vn.xaso.platform.Refusal;

/**
 * A refused radio request: {@code field} names the input at fault, the message (a key of the radio bundle,
 * {@code i18n/radio}) says how to fix it; pages and the API show it in the reader's language
 * ({@link #localMessage()}), {@link #getMessage()} is the Vietnamese text.
 */
public class RadioException extends Refusal {

	static final String BUNDLE = "i18n/radio";

	private RadioException(String field, Text text) {
		super(BUNDLE, Map.of(field, text));
	}

	/** A refusal of {@code field} with the message {@code key} of the radio bundle (numbers best passed as text). */
	public static RadioException of(String field, String key, Object... args) {
		return new RadioException(field, new Text(key, args));
	}

	/** The Vietnamese text of the radio bundle's {@code key}: for texts the module stores (e.g. a zone's default name). */
	public static String vietnamese(String key, Object... args) {
		return bundleText(BUNDLE, key, args);
	}
}
