package vn.xaso.dossiers;

import java.util.Map;

import vn.xaso.platform.Refusal;

/** Bad input or a step not allowed; messages are Vietnamese, per field ("" for the whole request). */
public class DossierException extends Refusal {

	public DossierException(String field, String message) {
		super(field, message);
	}

	public DossierException(Map<String, String> errors) {
		super(errors, String.join(" ", errors.values()));
	}
}
