package vn.xaso.platform.tenancy;

import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves the {@link UnitScope} of the current thread: an explicit scope set with
 * {@link #callAs}/{@link #runAs} wins; otherwise the signed-in principal's; otherwise none.
 */
public final class Tenancy {

	private static final ThreadLocal<UnitScope> OVERRIDE = new ThreadLocal<>();

	private Tenancy() {
	}

	public static UnitScope current() {
		var explicit = OVERRIDE.get();
		if (explicit != null) {
			return explicit;
		}
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p) {
			return p.scope();
		}
		return UnitScope.none();
	}

	/** The signed-in principal's own unit (an official's commune or province); empty for anyone else. */
	public static java.util.Optional<String> homeUnit() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p && !p.homeUnit().isEmpty()) {
			return java.util.Optional.of(p.homeUnit());
		}
		return java.util.Optional.empty();
	}

	public static <T> T callAs(UnitScope scope, Supplier<T> work) {
		var previous = OVERRIDE.get();
		OVERRIDE.set(scope);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				OVERRIDE.remove();
			}
			else {
				OVERRIDE.set(previous);
			}
		}
	}

	public static void runAs(UnitScope scope, Runnable work) {
		callAs(scope, () -> {
			work.run();
			return null;
		});
	}
}
