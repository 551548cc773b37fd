package vn.xaso.community.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.identity.OfficialPrincipal;

/** Turns a signed-in official into an {@link Actor}, with their team membership when they have one. */
@Service
public class Actors {

	private final TeamTable teams;

	Actors(TeamTable teams) {
		this.teams = teams;
	}

	@Transactional(readOnly = true)
	public Actor of(OfficialPrincipal me) {
		return new Actor(me.unitCode(), me.username(), me.roleSet(), teams.memberIdOf(me.unitCode(), me.username()).orElse(null));
	}
}
