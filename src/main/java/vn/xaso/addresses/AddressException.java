package vn.xaso.addresses;

/**
 * Refused input: nothing was changed. {@code field} names the form field, {@code messageKey} the
 * Vietnamese text in i18n/addresses.properties (English in _en).
 */
public class AddressException extends RuntimeException {

	private final String field;
	private final String messageKey;

	public AddressException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}
}
