package vn.xaso.community.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.Team;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.setup.FirstSignInLinks;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The commune administrator forms community technology teams (commune or village level), opens an
 * account for each member (role {@link Role#COMMUNITY_TEAM}, with a first-sign-in link — members may be
 * citizens, not officials), names the leader and assigns households to members.
 */
@Service
public class FormingTeams {

	/** A new member and the first-sign-in link to hand them. */
	public record NewMember(long memberId, String username, String link) {
	}

	private final TeamTable teams;
	private final HouseholdTable households;
	private final Villages villages;
	private final FirstSignInLinks links;
	private final ApplicationEventPublisher events;
	private final Accounts accounts;

	FormingTeams(TeamTable teams, HouseholdTable households, Villages villages, FirstSignInLinks links, ApplicationEventPublisher events,
			Accounts accounts) {
		this.accounts = accounts;
		this.teams = teams;
		this.households = households;
		this.villages = villages;
		this.links = links;
		this.events = events;
	}

	@Transactional
	public long createTeam(Actor actor, String name, @Nullable Long villageId) {
		requireAdmin(actor);
		var clean = HouseholdEntry.clean(name);
		if (clean == null || clean.length() > 100) {
			throw new CommunityException("name", "community.error.teamName");
		}
		if (villageId != null) {
			RegisteringHousehold.requireVillage(villages, actor.unitCode(), villageId);
		}
		if (teams.nameTaken(actor.unitCode(), clean)) {
			throw new CommunityException("name", "community.error.teamTaken", clean);
		}
		try {
			return teams.insertTeam(actor.unitCode(), clean, villageId);
		}
		catch (DuplicateKeyException e) {
			throw new CommunityException("name", "community.error.teamTaken", clean);
		}
	}

	@Transactional(readOnly = true)
	public List<Team> teams(Actor actor) {
		if (!actor.staff() && actor.memberId() == null) {
			return List.of();
		}
		var names = villageNames(actor.unitCode());
		var members = teams.members(actor.unitCode(), null);
		var result = new ArrayList<Team>();
		for (var row : teams.teams(actor.unitCode())) {
			result.add(new Team(row.id(), row.name(), row.villageId(), row.villageId() == null ? null : names.get(row.villageId()),
					members.stream().filter(m -> m.teamId() == row.id()).toList()));
		}
		return result;
	}

	@Transactional(readOnly = true)
	public Optional<Team> team(Actor actor, long id) {
		return teams(actor).stream().filter(t -> t.id() == id).findFirst();
	}

	/** Opens the member's account and first-sign-in link and adds them to the team. */
	@Transactional
	public NewMember addMember(Actor actor, long teamId, String username, String fullName, @Nullable String phone, boolean leader) {
		requireAdmin(actor);
		var team = teams.team(actor.unitCode(), teamId).orElseThrow(() -> new CommunityException(null, "community.error.noTeam"));
		var name = HouseholdEntry.clean(fullName);
		if (name == null || name.length() > 100) {
			throw new CommunityException("fullName", "community.error.memberName");
		}
		var villageCode = team.villageId() == null ? null
				: villages.list(actor.unitCode()).stream().filter(v -> v.id() == team.villageId()).map(Village::code).findFirst().orElse(null);
		FirstSignInLinks.Invitation invitation;
		try {
			invitation = links.invite(actor.unitCode(), username, name, HouseholdEntry.phone(phone), Set.of(Role.COMMUNITY_TEAM),
					villageCode);
		}
		catch (AccountException e) {
			throw new CommunityException(e.field() == null ? "username" : e.field(), "community.error.account", e);
		}
		long id = teams.insertMember(actor.unitCode(), teamId, invitation.username(), name, leader);
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "community.member.added").on("community_member", id)
			.change(null, invitation.username() + (leader ? " (leader)" : "")));
		return new NewMember(id, invitation.username(), invitation.path());
	}

	/** Adds an existing account of the commune holding the {@link Role#COMMUNITY_TEAM} role to the team (demo data, operators). */
	@Transactional
	public long addAccount(Actor actor, long teamId, String username, boolean leader) {
		requireAdmin(actor);
		teams.team(actor.unitCode(), teamId).orElseThrow(() -> new CommunityException(null, "community.error.noTeam"));
		var account = accounts.list(actor.unitCode(), username, 0, 20).items().stream()
			.filter(a -> a.username().equals(username) && a.roles().contains(Role.COMMUNITY_TEAM)).findFirst()
			.orElseThrow(() -> new CommunityException("username", "community.error.noMember"));
		var existing = teams.memberIdOf(actor.unitCode(), username);
		if (existing.isPresent()) {
			return existing.get();
		}
		return teams.insertMember(actor.unitCode(), teamId, account.username(), account.fullName(), leader);
	}

	/** Assigns the households to the member; households of another commune are simply not found. Returns how many. */
	@Transactional
	public int assign(Actor actor, long memberId, Collection<Long> householdIds) {
		requireAdmin(actor);
		teams.member(actor.unitCode(), memberId).orElseThrow(() -> new CommunityException("memberId", "community.error.noMember"));
		if (householdIds.isEmpty()) {
			throw new CommunityException("householdIds", "community.error.noHouseholdsChosen");
		}
		int n = 0;
		for (var id : householdIds) {
			if (households.find(actor.unitCode(), id).isPresent()) {
				households.assign(actor.unitCode(), id, memberId);
				n++;
			}
		}
		return n;
	}

	private java.util.Map<Long, String> villageNames(String unitCode) {
		var map = new java.util.HashMap<Long, String>();
		villages.list(unitCode).forEach(v -> map.put(v.id(), v.fullName()));
		return map;
	}

	static void requireAdmin(Actor actor) {
		if (!actor.admin()) {
			throw new CommunityException(null, "community.error.adminOnly");
		}
	}
}
