package vn.xaso.identity;

import java.io.Serializable;
import java.util.Set;
import java.util.stream.Collectors;

import vn.xaso.platform.tenancy.ScopedPrincipal;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.platform.web.Viewer;

/**
 * A signed-in official. {@code scope} is their own unit and, for a province viewer, every
 * commune of the province — computed at sign-in.
 */
public record OfficialPrincipal(long id, String username, String fullName, String unitCode, String unitLabel,
		Set<Role> roleSet, UnitScope scope) implements ScopedPrincipal, Viewer, Serializable, org.springframework.security.core.AuthenticatedPrincipal {

	/** What {@code Authentication.getName()} returns: the username. */
	@Override
	public String getName() {
		return username;
	}

	@Override
	public String displayName() {
		return fullName;
	}

	@Override
	public String homeUnit() {
		return unitCode;
	}

	@Override
	public boolean official() {
		return true;
	}

	@Override
	public Set<String> roles() {
		return roleSet.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
	}

	public boolean has(Role role) {
		return roleSet.contains(role);
	}
}
