package vn.xaso.units;

import java.util.Map;

import vn.xaso.platform.Refusal;

/**
 * Input the units module refuses: a message of the units bundle ({@code i18n/units}); {@link #getMessage()} is
 * the Vietnamese text, pages show {@link #localMessage()} in the reader's language.
 */
public class UnitValidationException extends Refusal {

	private UnitValidationException(String field, Text text) {
		super("i18n/units", Map.of(field, text));
	}

	/** A refusal of {@code field} with the message {@code key} of the units bundle (numbers best passed as text). */
	public static UnitValidationException of(String field, String key, Object... args) {
		return new UnitValidationException(field, new Text(key, args));
	}
}
