package vn.xaso.feedback;

/** A refused feedback action: {@code field} names the form field at fault, the message is plain Vietnamese. */
public class FeedbackException extends RuntimeException {

	private final String field;

	public FeedbackException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
