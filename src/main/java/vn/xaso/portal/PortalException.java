package vn.xaso.portal;

import vn.xaso.platform.Refusal;

/** A refused portal action: {@code field} names the form field, the message is for the person. */
public class PortalException extends Refusal {

	public PortalException(String field, String message) {
		super(field, message);
	}
}
