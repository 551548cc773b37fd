package vn.xaso.platform.tenancy;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which administrative units the current caller may see. PostgreSQL row-level security reads the
 * same set from the per-transaction setting {@code app.units}: a comma-separated list of unit
 * codes, {@code *} for trusted system work (imports, the demo loader, event listeners acting for a
 * named unit use {@link #of}), and empty — which matches no row — for anonymous callers.
 */
public record UnitScope(boolean all, Set<String> units) implements java.io.Serializable {

	private static final UnitScope NONE = new UnitScope(false, Set.of());
	private static final UnitScope SYSTEM = new UnitScope(true, Set.of());

	public UnitScope {
		units = Set.copyOf(units);
		for (var code : units) {
			if (!code.matches("[0-9A-Za-z_-]{1,20}")) {
				throw new IllegalArgumentException("Bad unit code in scope: " + code);
			}
		}
	}

	public static UnitScope none() {
		return NONE;
	}

	public static UnitScope systemWide() {
		return SYSTEM;
	}

	public static UnitScope of(String... codes) {
		return new UnitScope(false, Set.of(codes));
	}

	public static UnitScope of(Set<String> codes) {
		return new UnitScope(false, codes);
	}

	public boolean sees(String unitCode) {
		return all || units.contains(unitCode);
	}

	/** The value of {@code app.units} for this scope. */
	public String asSetting() {
		return all ? "*" : String.join(",", new TreeSet<>(units));
	}
}
