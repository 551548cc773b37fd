package vn.xaso.insights;

import vn.xaso.platform.Refusal;

/** Bad input to the insights module: which field, and a Vietnamese message for people. */
public class InsightsException extends Refusal {

	public InsightsException(String field, String message) {
		super(field, message);
	}
}
