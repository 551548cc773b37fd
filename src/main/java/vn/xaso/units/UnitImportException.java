package vn.xaso.units;

/** A unit data file is malformed; the message names the file and line. */
public class UnitImportException extends RuntimeException {

	public UnitImportException(String message) {
		super(message);
	}

	public UnitImportException(String message, Throwable cause) {
		super(message, cause);
	}
}
