package vn.xaso.identity;

import java.io.Serializable;
import java.util.Set;

import vn.xaso.platform.tenancy.ScopedPrincipal;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.platform.web.Viewer;

/** A signed-in citizen. Sees no unit's internal data; their own records are found by {@link #id}. */
public record CitizenPrincipal(long id, String displayName, String maskedPhone)
		implements ScopedPrincipal, Viewer, Serializable, org.springframework.security.core.AuthenticatedPrincipal {

	@Override
	public String getName() {
		return "citizen:" + id;
	}

	@Override
	public UnitScope scope() {
		return UnitScope.none();
	}

	@Override
	public String unitLabel() {
		return "";
	}

	@Override
	public boolean official() {
		return false;
	}

	@Override
	public Set<String> roles() {
		return Set.of("CITIZEN");
	}
}
