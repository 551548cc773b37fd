package vn.xaso.radio;

import vn.xaso.platform.Refusal;

/** A refused radio request: {@code field} names the input at fault, the message is Vietnamese and says how to fix it. */
public class RadioException extends Refusal {

	public RadioException(String field, String message) {
		super(field, message);
	}
}
