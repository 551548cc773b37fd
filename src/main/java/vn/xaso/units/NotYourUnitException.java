package vn.xaso.units;

import org.springframework.security.access.AccessDeniedException;

import vn.xaso.platform.Refusal;

/** The caller's tenancy scope does not include the unit it tried to change (answered as 403). */
public class NotYourUnitException extends AccessDeniedException {

	public NotYourUnitException() {
		super(Refusal.bundleText("i18n/units", "units.error.notYourUnit"));
	}
}
