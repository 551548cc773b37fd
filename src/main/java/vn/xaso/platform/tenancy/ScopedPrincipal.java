package vn.xaso.platform.tenancy;

/** A signed-in principal that knows which units it may see. */
public interface ScopedPrincipal {

	UnitScope scope();
}
