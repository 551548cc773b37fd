package vn.xaso.documents;

import java.util.Set;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/** Who acts on documents: an official of one unit with their roles. */
public record Actor(String unitCode, String username, String fullName, Set<Role> roles) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public static Actor of(OfficialPrincipal p) {
		return new Actor(p.unitCode(), p.username(), p.fullName(), p.roleSet());
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Officials who may draft: leaders, specialists, clerks and one-stop officers. */
	public boolean drafter() {
		return has(Role.LEADER) || has(Role.SPECIALIST) || has(Role.CLERK) || has(Role.ONE_STOP);
	}
}
