package vn.xaso.payments;

import java.util.Map;

import vn.xaso.platform.Refusal;

/**
 * A request the payments module refuses, with Vietnamese messages per field (the key "" for the
 * request as a whole). Nothing was changed.
 */
public class PaymentException extends Refusal {

	public PaymentException(Map<String, String> errors) {
		super(errors, String.join("; ", errors.values()));
	}

	public PaymentException(String message) {
		super("", message);
	}
}
