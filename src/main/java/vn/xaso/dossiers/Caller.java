package vn.xaso.dossiers;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/**
 * Who calls the dossier service: a signed-in citizen (by id; sees only their own dossiers and those submitted
 * for them) or an official of one unit with their roles.
 */
public record Caller(@Nullable Long citizenId, @Nullable String unitCode, String username, String fullName, Set<Role> roles) {

	public Caller {
		roles = Set.copyOf(roles);
	}

	public static Caller citizen(long citizenId, String displayName) {
		return new Caller(citizenId, null, "citizen:" + citizenId, displayName, Set.of());
	}

	public static Caller of(CitizenPrincipal p) {
		return citizen(p.id(), p.displayName());
	}

	public static Caller of(OfficialPrincipal p) {
		return new Caller(null, p.unitCode(), p.username(), p.fullName(), p.roleSet());
	}

	public static Caller official(String unitCode, String username, String fullName, Set<Role> roles) {
		return new Caller(null, unitCode, username, fullName, roles);
	}

	public boolean isCitizen() {
		return citizenId != null;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}
}
