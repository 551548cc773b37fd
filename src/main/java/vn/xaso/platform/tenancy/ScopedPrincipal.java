package vn.xaso.platform.tenancy;

/** A signed-in principal that knows which units it may see. */
public interface ScopedPrincipal {

	UnitScope scope();

	/** The unit the principal belongs to (an official's commune or province); empty for a citizen. */
	default String homeUnit() {
		return "";
	}
}
