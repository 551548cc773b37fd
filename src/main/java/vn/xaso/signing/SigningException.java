package vn.xaso.signing;

/** A signing or verification step that was refused; the message is plain Vietnamese for the person. */
public class SigningException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SigningException(String message) {
		super(message);
	}

	public SigningException(String message, Throwable cause) {
		super(message, cause);
	}
}
