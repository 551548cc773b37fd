package vn.xaso.documents;

import java.util.Set;

import vn.xaso.identity.ActingOfficial;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/** Who acts on documents: an official of one unit with their roles. */
public final class Actor extends ActingOfficial {

	public Actor(String unitCode, String username, String fullName, Set<Role> roles) {
		super(unitCode, username, fullName, roles);
	}

	public static Actor of(OfficialPrincipal p) {
		return new Actor(p.unitCode(), p.username(), p.fullName(), p.roleSet());
	}

	/** Officials who may draft: leaders, specialists, clerks and one-stop officers. */
	public boolean drafter() {
		return hasAny(Role.LEADER, Role.SPECIALIST, Role.CLERK, Role.ONE_STOP);
	}
}
