package vn.xaso.farm.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.farm.Farm;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/**
 * Who may do what: a farm's own account (role PRODUCER, named as its owner) sees and commands that farm only —
 * anyone else, another farmer of the same commune included, finds nothing; commune staff (administrator, leader,
 * specialist) register farms and see their counts, not their devices.
 */
@Component
class FarmAccess {

	static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.LEADER, Role.SPECIALIST);

	private final FarmTable farms;

	FarmAccess(FarmTable farms) {
		this.farms = farms;
	}

	/** The farm if {@code me} owns it (call inside a transaction), else "no such farm". */
	Farm own(OfficialPrincipal me, long farmId) {
		if (!me.has(Role.PRODUCER)) {
			throw new FarmException(null, "farm.error.ownerOnly");
		}
		return farms.find(me.unitCode(), farmId).filter(f -> f.ownerUsername().equals(me.username()))
			.orElseThrow(() -> new FarmException(null, "farm.error.noFarm"));
	}

	static void staff(OfficialPrincipal me) {
		if (me.roleSet().stream().noneMatch(STAFF::contains)) {
			throw new FarmException(null, "farm.error.staffOnly");
		}
	}
}
