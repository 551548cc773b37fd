package vn.xaso.dossiers;

import java.util.Map;

/** Bad input or a step not allowed; messages are Vietnamese, per field ("" for the whole request). */
public class DossierException extends RuntimeException {

	private final Map<String, String> errors;

	public DossierException(String field, String message) {
		this(Map.of(field, message));
	}

	public DossierException(Map<String, String> errors) {
		super(String.join(" ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}
}
