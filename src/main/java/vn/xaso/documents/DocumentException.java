package vn.xaso.documents;

import vn.xaso.platform.Refusal;

/** Bad input or a step not allowed in the document's state; the message is Vietnamese and shown as is. */
public class DocumentException extends Refusal {

	/** {@code field}: the form field the message belongs to, or {@code ""} for the whole request. */
	public DocumentException(String field, String message) {
		super(field, message);
	}
}
