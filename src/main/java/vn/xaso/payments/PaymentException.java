package vn.xaso.payments;

import java.util.Map;

/**
 * A request the payments module refuses, with Vietnamese messages per field (the key "" for the
 * request as a whole). Nothing was changed.
 */
public class PaymentException extends RuntimeException {

	private final Map<String, String> errors;

	public PaymentException(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	public PaymentException(String message) {
		this(Map.of("", message));
	}

	public Map<String, String> errors() {
		return errors;
	}
}
