package vn.xaso.units;

/** Input the units module refuses; the message is Vietnamese and can be shown to the user. */
public class UnitValidationException extends RuntimeException {

	public UnitValidationException(String message) {
		super(message);
	}
}
