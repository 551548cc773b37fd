package vn.xaso.portal;

/** A refused portal action: {@code field} names the form field, the message is for the person. */
public class PortalException extends RuntimeException {

	private final String field;

	public PortalException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
