package vn.xaso.meetings.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;

/**
 * Named reusable teams (the Zalo direction groups: "Ban chỉ đạo chuyển đổi số", "Tổ công nghệ số thôn Đông"): a leader
 * or the clerk creates a team — a name (3–200 characters, one active team of a name per commune) and 1–50 members
 * among the unit's officials and village heads —, changes its members and archives it. A task given to a team is one
 * task that each member sees and reports on ({@link DirectingTasks}).
 */
@Service
public class ManagingTeams {

	/** The most members of a team. */
	public static final int MAX_MEMBERS = 50;

	/** A team as the pages show it. */
	public record Team(long id, String name, boolean archived, List<String> members, List<String> usernames) {
	}

	private final NamedTeamTable teams;
	private final Officials officials;
	private final MeetingWork work;

	ManagingTeams(NamedTeamTable teams, Officials officials, MeetingWork work) {
		this.teams = teams;
		this.officials = officials;
		this.work = work;
	}

	/** The unit's teams (organisers only), active ones first. */
	public List<Team> list(OfficialPrincipal me) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> teams.list(me.unitCode()).stream().map(ManagingTeams::shown).toList());
	}

	/** One team of the unit (organisers only); another unit's or none: "not found". */
	public Team find(OfficialPrincipal me, long id) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> teams.find(me.unitCode(), id).map(ManagingTeams::shown)
			.orElseThrow(() -> new MeetingsException(null, "meetings.error.noTeam")));
	}

	/** Creates a team with its members; returns its id. */
	public long create(OfficialPrincipal me, @Nullable String name, @Nullable List<String> members) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> {
			var n = Entry.text("name", name, 3, 200, "meetings.error.teamName");
			var people = people(me, members);
			long id = teams.insert(me.unitCode(), n, me.username())
				.orElseThrow(() -> new MeetingsException("name", "meetings.error.teamExists", n));
			teams.members(me.unitCode(), id, people);
			work.audit(me.unitCode(), me.username(), "meetings.team.created", "meeting_team", id, n + ": " + names(people));
			return id;
		});
	}

	/** Replaces an active team's members. */
	public void members(OfficialPrincipal me, long id, @Nullable List<String> members) {
		MeetingRecord.requireOrganiser(me);
		work.run(() -> {
			var team = teams.lock(me.unitCode(), id).orElseThrow(() -> new MeetingsException(null, "meetings.error.noTeam"));
			if (team.archived()) {
				throw new MeetingsException(null, "meetings.error.teamArchived", team.name());
			}
			var people = people(me, members);
			var before = teams.members(me.unitCode(), id, people);
			work.publish(vn.xaso.audit.AuditEvent.of(me.unitCode(), me.username(), "meetings.team.members").on("meeting_team", id)
				.change(names(before), names(people)));
		});
	}

	/** Archives the team: no longer offered for new tasks; its tasks stay with its members. */
	public void archive(OfficialPrincipal me, long id) {
		MeetingRecord.requireOrganiser(me);
		work.run(() -> {
			var team = teams.lock(me.unitCode(), id).orElseThrow(() -> new MeetingsException(null, "meetings.error.noTeam"));
			if (!teams.archive(me.unitCode(), id, work.now())) {
				throw new MeetingsException(null, "meetings.error.teamArchived", team.name());
			}
			work.audit(me.unitCode(), me.username(), "meetings.team.archived", "meeting_team", id, team.name());
		});
	}

	private List<NamedTeamTable.Member> people(OfficialPrincipal me, @Nullable List<String> members) {
		var names = new LinkedHashSet<String>();
		(members == null ? List.<String>of() : members).stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
		if (names.isEmpty() || names.size() > MAX_MEMBERS) {
			throw new MeetingsException("members", "meetings.error.teamMembers", MAX_MEMBERS);
		}
		var all = officials.of(me.unitCode());
		var people = new ArrayList<NamedTeamTable.Member>();
		for (var n : names) {
			var o = all.stream().filter(c -> c.username().equals(n)).findFirst()
				.orElseThrow(() -> new MeetingsException("members", "meetings.error.assignee"));
			people.add(new NamedTeamTable.Member(o.username(), o.fullName()));
		}
		return people;
	}

	private static String names(List<NamedTeamTable.Member> people) {
		return String.join(", ", people.stream().map(NamedTeamTable.Member::username).toList());
	}

	private static Team shown(NamedTeamTable.Team t) {
		return new Team(t.id(), t.name(), t.archived(), t.members().stream().map(NamedTeamTable.Member::fullName).toList(),
				t.members().stream().map(NamedTeamTable.Member::username).toList());
	}
}
