package vn.xaso.documents;

/** Bad input or a step not allowed in the document's state; the message is Vietnamese and shown as is. */
public class DocumentException extends RuntimeException {

	private final String field;

	public DocumentException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field the message belongs to, or {@code ""} for the whole request. */
	public String field() {
		return field;
	}
}
