package vn.xaso.radio;

/** A refused radio request: {@code field} names the input at fault, the message is Vietnamese and says how to fix it. */
public class RadioException extends RuntimeException {

	private final String field;

	public RadioException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
