package vn.xaso.insights;

/** Bad input to the insights module: which field, and a Vietnamese message for people. */
public class InsightsException extends RuntimeException {

	private final String field;

	public InsightsException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
