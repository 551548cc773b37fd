package vn.xaso.signing;

/** An uploaded file that cannot be checked: not a PDF, encrypted, or too large. */
public class PdfRejectedException extends SigningException {

	private static final long serialVersionUID = 1L;

	private PdfRejectedException(String key, Object[] args) {
		super(key, args, null);
	}

	/** A rejection with the message {@code key} of the signing bundle. */
	public static PdfRejectedException rejected(String key, Object... args) {
		return new PdfRejectedException(key, args);
	}
}
