package vn.xaso.units;

import org.springframework.security.access.AccessDeniedException;

/** The caller's tenancy scope does not include the unit it tried to change (answered as 403). */
public class NotYourUnitException extends AccessDeniedException {

	public NotYourUnitException() {
		super("Bạn không có quyền với đơn vị này.");
	}
}
