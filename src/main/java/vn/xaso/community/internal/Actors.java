package vn.xaso.community.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * Turns a signed-in official into an {@link Actor}, with their team membership when they have one and, for a
 * village head, the village their account is bound to (the account's village in identity).
 */
@Service
public class Actors {

	private final TeamTable teams;
	private final Accounts accounts;
	private final Villages villages;

	Actors(TeamTable teams, Accounts accounts, Villages villages) {
		this.teams = teams;
		this.accounts = accounts;
		this.villages = villages;
	}

	@Transactional(readOnly = true)
	public Actor of(OfficialPrincipal me) {
		return new Actor(me.unitCode(), me.username(), me.roleSet(), teams.memberIdOf(me.unitCode(), me.username()).orElse(null),
				me.roleSet().contains(Role.VILLAGE_HEAD) ? villageOf(me) : null);
	}

	private @Nullable Long villageOf(OfficialPrincipal me) {
		var code = accounts.find(me.unitCode(), me.id()).map(Accounts.OfficialView::villageCode).orElse(null);
		if (code == null) {
			return null;
		}
		return villages.list(me.unitCode()).stream().filter(v -> v.code().equals(code)).map(Village::id).findFirst().orElse(null);
	}
}
