package vn.xaso.feedback;

import vn.xaso.platform.Refusal;

/** A refused feedback action: {@code field} names the form field at fault, the message is plain Vietnamese. */
public class FeedbackException extends Refusal {

	public FeedbackException(String field, String message) {
		super(field, message);
	}
}
