package vn.xaso.signing;

/** An uploaded file that cannot be checked: not a PDF, encrypted, or too large. */
public class PdfRejectedException extends SigningException {

	private static final long serialVersionUID = 1L;

	public PdfRejectedException(String message) {
		super(message);
	}
}
