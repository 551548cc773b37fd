package vn.xaso.meetings.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingTask;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.TaskAssigned;

/**
 * Tasks given directly, outside any meeting (what the Zalo direction groups carried): a leader or the clerk gives a
 * title, a description, a deadline in working days (the Vietnamese working calendar; the form shows the dates), a
 * priority and optionally the document of the register it follows or a conclusion of a meeting whose minutes are
 * signed (the task page then links the meeting), to one official, a village head or a team of
 * several (one task each, sharing the team), or a named team (one task its members share: each sees it and reports on
 * it). Each assignee gets a notice; the overview lists the unit's tasks by
 * priority and those past their deadline.
 */
@Service
public class DirectingTasks {

	/** The longest deadline, in working days. */
	public static final int MAX_DAYS = 60;

	/** The form as typed: {@code assignees} one or more usernames (a team), {@code document} a register entry's id or blank. */
	public record Input(@Nullable String title, @Nullable String details, @Nullable List<String> assignees, @Nullable String workingDays,
			@Nullable String priority, @Nullable String document, @Nullable String conclusion, boolean again, @Nullable String team) {

		public Input(@Nullable String title, @Nullable String details, @Nullable List<String> assignees, @Nullable String workingDays,
				@Nullable String priority, @Nullable String document) {
			this(title, details, assignees, workingDays, priority, document, null, false, null);
		}

		public Input(@Nullable String title, @Nullable String details, @Nullable List<String> assignees, @Nullable String workingDays,
				@Nullable String priority, @Nullable String document, @Nullable String conclusion, boolean again) {
			this(title, details, assignees, workingDays, priority, document, conclusion, again, null);
		}
	}

	/**
	 * A conclusion of a meeting with signed minutes the task may follow: {@code itemId} its agenda item, the meeting's
	 * title and day, the conclusion's text; {@code tasked}: a task was already given from it (the form says so).
	 */
	public record ConclusionChoice(long itemId, String meeting, LocalDate day, String text, boolean tasked) {
	}

	/** A document of the register one may link, as the form lists it. */
	public record DocumentChoice(long id, String label) {
	}

	/** What the form offers: the officials, the recent documents and the deadline for some numbers of working days. */
	public record Choices(List<Officials.Choice> officials, List<DocumentChoice> documents, Map<Integer, LocalDate> deadlines,
			List<ConclusionChoice> conclusions, List<TeamChoice> teams) {
	}

	/** An active named team the form offers, with its members' names. */
	public record TeamChoice(long id, String name, List<String> members) {
	}

	/** The overview's {@code village=} value for the commune's own officials (serving no village). */
	public static final String COMMUNE = "xa";

	/**
	 * The leader's list: the unit's tasks (filtered), with today's date; {@code assignee} (a username) and
	 * {@code village} (a village's code or {@link #COMMUNE}) as filtered, {@code about} what they name (a person's or a
	 * village's name; null: no such filter).
	 */
	public record Listing(List<MeetingTask> tasks, @Nullable String priority, boolean overdueOnly, LocalDate today, @Nullable String assignee,
			@Nullable String village, @Nullable String about) {
	}

	private final TaskTable tasks;
	private final TaskLinks links;
	private final NamedTeamTable teams;
	private final Officials officials;
	private final MeetingNotices notices;
	private final WorkingCalendar calendar;
	private final MeetingWork work;

	DirectingTasks(TaskTable tasks, TaskLinks links, NamedTeamTable teams, Officials officials, MeetingNotices notices, WorkingCalendar calendar,
			MeetingWork work) {
		this.tasks = tasks;
		this.links = links;
		this.teams = teams;
		this.officials = officials;
		this.notices = notices;
		this.calendar = calendar;
		this.work = work;
	}

	/** The form's choices (organisers only). */
	public Choices choices(OfficialPrincipal me) {
		MeetingRecord.requireOrganiser(me);
		var today = work.today();
		var deadlines = new LinkedHashMap<Integer, LocalDate>();
		for (int d : new int[] { 1, 3, 5, 10, 15, 20 }) {
			deadlines.put(d, calendar.addWorkingDays(today, d));
		}
		var docs = links.documents(me);
		var conclusions = work.inTx(() -> links.conclusions(me.unitCode()));
		var named = work.inTx(() -> teams.list(me.unitCode())).stream().filter(t -> !t.archived())
			.map(t -> new TeamChoice(t.id(), t.name(), t.members().stream().map(NamedTeamTable.Member::fullName).toList())).toList();
		return new Choices(officials.of(me.unitCode()), docs, deadlines, conclusions, named);
	}

	/** Gives the task to each assignee; returns the first task's id (the team's). */
	public long give(OfficialPrincipal me, Input in) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> {
			var title = Entry.text("title", in.title(), 3, 1000, "meetings.error.taskText");
			var details = Entry.optional("details", in.details(), 4000, "meetings.error.taskDetails");
			var days = in.workingDays() != null && in.workingDays().strip().matches("[0-9]{1,2}") ? Integer.parseInt(in.workingDays().strip()) : 0;
			if (days < 1 || days > MAX_DAYS) {
				throw new MeetingsException("workingDays", "meetings.error.workingDays");
			}
			var priority = in.priority() == null || in.priority().isBlank() ? "NORMAL" : in.priority().strip();
			if (!MeetingTask.PRIORITIES.contains(priority)) {
				throw new MeetingsException("priority", "meetings.error.priority");
			}
			var names = new LinkedHashSet<String>();
			(in.assignees() == null ? List.<String>of() : in.assignees()).stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
			var team = team(me, in.team(), !names.isEmpty());
			if (team == null && (names.isEmpty() || names.size() > 30)) {
				throw new MeetingsException("assignees", "meetings.error.assignees");
			}
			var people = new ArrayList<Officials.Choice>();
			for (var n : names) {
				people.add(officials.find(me.unitCode(), n).orElseThrow(() -> new MeetingsException("assignees", "meetings.error.assignee")));
			}
			var documentId = links.document(me, in.document());
			var conclusion = links.conclusion(me, in.conclusion(), in.again());
			var deadline = calendar.addWorkingDays(work.today(), days);
			var ids = new ArrayList<Long>();
			if (team != null) {
				ids.add(tasks.insert(new TaskTable.DirectTask(me.unitCode(), TaskTable.TEAM + team.id(), team.name(), title, details, deadline, priority,
						documentId, me.username(), conclusion, team.id())));
			}
			for (var who : people) {
				ids.add(tasks.insert(new TaskTable.DirectTask(me.unitCode(), who.username(), who.fullName(), title, details, deadline, priority,
						documentId, me.username(), conclusion, null)));
			}
			if (ids.size() > 1) {
				tasks.team(ids, ids.getFirst());
			}
			for (var id : ids) {
				var task = tasks.ofUnit(me.unitCode(), id).orElseThrow();
				work.audit(me.unitCode(), me.username(), "meetings.task.given", "meeting_task", id,
						task.assignee() + " until " + deadline + " (" + priority + "): " + title);
				work.publish(new TaskAssigned(me.unitCode(), id, task.meetingId(), task.assignee(), deadline));
				notices.task(me.unitCode(), task);
			}
			return ids.getFirst();
		});
	}

	/** The unit's tasks for its organisers: all, one priority, or only the overdue ones. */
	public Listing list(OfficialPrincipal me, @Nullable String priority, boolean overdueOnly) {
		return list(me, priority, overdueOnly, null, null);
	}

	/**
	 * The same, also of one person ({@code assignee}, a username) or of the officials serving one village
	 * ({@code village}: its code; {@link #COMMUNE}: the commune's own officials) — what the overview's counts link.
	 * An unknown person or village lists nothing.
	 */
	public Listing list(OfficialPrincipal me, @Nullable String priority, boolean overdueOnly, @Nullable String assignee,
			@Nullable String village) {
		MeetingRecord.requireOrganiser(me);
		var p = priority != null && MeetingTask.PRIORITIES.contains(priority) ? priority : null;
		var who = assignee == null || assignee.isBlank() ? null : assignee.strip();
		var where = village == null || village.isBlank() ? null : village.strip();
		return work.inTx(() -> {
			var today = work.today();
			TaskTable.People people = null;
			String about = null;
			if (who != null) {
				people = new TaskTable.People(List.of(who), false);
				about = officials.find(me.unitCode(), who).map(Officials.Choice::fullName)
					.or(() -> TaskTable.teamId(who).flatMap(id -> teams.find(me.unitCode(), id)).map(NamedTeamTable.Team::name)).orElse(who);
			}
			else if (where != null) {
				var names = officials.villageNames(me.unitCode());
				var serving = officials.of(me.unitCode()).stream().filter(o -> o.villageCode() != null && names.containsKey(o.villageCode()));
				if (COMMUNE.equals(where)) {
					people = new TaskTable.People(serving.map(Officials.Choice::username).toList(), true);
				}
				else {
					people = new TaskTable.People(serving.filter(o -> where.equals(o.villageCode())).map(Officials.Choice::username).toList(), false);
				}
				about = COMMUNE.equals(where) ? null : names.getOrDefault(where, where);
			}
			return new Listing(tasks.list(me.unitCode(), p, overdueOnly, today, people, 300), p, overdueOnly, today, who, where, about);
		});
	}

	/** The named team typed (blank: none): an active team of the unit with members; not together with chosen people. */
	private NamedTeamTable.@Nullable Team team(OfficialPrincipal me, @Nullable String typed, boolean people) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		if (people) {
			throw new MeetingsException("team", "meetings.error.teamOrPeople");
		}
		var id = typed.strip().matches("[0-9]{1,12}") ? Long.parseLong(typed.strip()) : -1;
		return (id < 0 ? java.util.Optional.<NamedTeamTable.Team>empty() : teams.find(me.unitCode(), id))
			.filter(t -> !t.archived() && !t.members().isEmpty())
			.orElseThrow(() -> new MeetingsException("team", "meetings.error.taskTeam"));
	}
}
