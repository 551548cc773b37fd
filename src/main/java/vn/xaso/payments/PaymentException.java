package vn.xaso.payments;

import java.util.Map;

import vn.xaso.platform.Refusal;

/**
 * A request the payments module refuses, with messages per field (the key "" for the request as a whole).
 * Made with {@link #of}, the messages are keys of the payments bundle ({@code i18n/payments}): {@link #errors()}
 * are the Vietnamese texts, pages and the API show {@link #localErrors()}. Nothing was changed.
 */
public class PaymentException extends Refusal {

	static final String BUNDLE = "i18n/payments";

	/** Messages already written out (e.g. by another module in the reader's language). */
	public PaymentException(Map<String, String> errors) {
		super(errors, String.join("; ", errors.values()));
	}

	/** A message already written out, for the whole request. */
	public PaymentException(String message) {
		super("", message);
	}

	private PaymentException(Map<String, Text> texts, boolean keyed) {
		super(BUNDLE, texts, "; ");
	}

	/** A refusal of {@code field} ("" for the whole request) with the message {@code key} of the payments bundle. */
	public static PaymentException of(String field, String key, Object... args) {
		return new PaymentException(Map.of(field, new Text(key, args)), true);
	}

	/** A refusal of several fields (in the order given), each with a message of the payments bundle. */
	public static PaymentException of(Map<String, Text> texts) {
		return new PaymentException(texts, true);
	}
}
