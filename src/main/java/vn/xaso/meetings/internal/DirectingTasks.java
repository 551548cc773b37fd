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
import vn.xaso.documents.Actor;
import vn.xaso.documents.Documents;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingTask;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.TaskAssigned;

/**
 * Tasks given directly, outside any meeting (what the Zalo direction groups carried): a leader or the clerk gives a
 * title, a description, a deadline in working days (the Vietnamese working calendar; the form shows the dates), a
 * priority and optionally the document of the register it follows or a conclusion of a meeting whose minutes are
 * signed (the task page then links the meeting), to one official, a village head or a team of
 * several (one task each, sharing the team). Each assignee gets a notice; the overview lists the unit's tasks by
 * priority and those past their deadline.
 */
@Service
public class DirectingTasks {

	/** The longest deadline, in working days. */
	public static final int MAX_DAYS = 60;

	/** The form as typed: {@code assignees} one or more usernames (a team), {@code document} a register entry's id or blank. */
	public record Input(@Nullable String title, @Nullable String details, @Nullable List<String> assignees, @Nullable String workingDays,
			@Nullable String priority, @Nullable String document, @Nullable String conclusion, boolean again) {

		public Input(@Nullable String title, @Nullable String details, @Nullable List<String> assignees, @Nullable String workingDays,
				@Nullable String priority, @Nullable String document) {
			this(title, details, assignees, workingDays, priority, document, null, false);
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
			List<ConclusionChoice> conclusions) {
	}

	/** The leader's list: the unit's tasks (filtered), with today's date. */
	public record Listing(List<MeetingTask> tasks, @Nullable String priority, boolean overdueOnly, LocalDate today) {
	}

	private final TaskTable tasks;
	private final ItemTable items;
	private final Officials officials;
	private final MeetingNotices notices;
	private final WorkingCalendar calendar;
	private final Documents documents;
	private final MeetingWork work;

	DirectingTasks(TaskTable tasks, ItemTable items, Officials officials, MeetingNotices notices, WorkingCalendar calendar,
			Documents documents, MeetingWork work) {
		this.tasks = tasks;
		this.items = items;
		this.officials = officials;
		this.notices = notices;
		this.calendar = calendar;
		this.documents = documents;
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
		var docs = documents.search(Actor.of(me), new Documents.Search(null, null, null, null, null, null, null, null, 0, 30)).rows().stream()
			.map(r -> new DocumentChoice(r.id(), (r.numberSymbol() == null ? "" : r.numberSymbol() + " · ") + r.summary()))
			.toList();
		var conclusions = work.inTx(() -> items.signedConclusions(me.unitCode(), 100)).stream()
			.map(c -> new ConclusionChoice(c.itemId(), c.meetingTitle(), c.day(), c.text(), c.tasked())).toList();
		return new Choices(officials.of(me.unitCode()), docs, deadlines, conclusions);
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
			if (names.isEmpty() || names.size() > 30) {
				throw new MeetingsException("assignees", "meetings.error.assignees");
			}
			var people = new ArrayList<Officials.Choice>();
			for (var n : names) {
				people.add(officials.find(me.unitCode(), n).orElseThrow(() -> new MeetingsException("assignees", "meetings.error.assignee")));
			}
			var documentId = document(me, in.document());
			var conclusion = conclusion(me, in.conclusion(), in.again());
			var deadline = calendar.addWorkingDays(work.today(), days);
			var ids = new ArrayList<Long>();
			for (var who : people) {
				ids.add(tasks.insert(new TaskTable.DirectTask(me.unitCode(), who.username(), who.fullName(), title, details, deadline, priority,
						documentId, me.username(), conclusion)));
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
		MeetingRecord.requireOrganiser(me);
		var p = priority != null && MeetingTask.PRIORITIES.contains(priority) ? priority : null;
		return work.inTx(() -> {
			var today = work.today();
			return new Listing(tasks.list(me.unitCode(), p, overdueOnly, today, 300), p, overdueOnly, today);
		});
	}

	/**
	 * The conclusion the task follows (blank: none): of the unit, of a meeting with signed minutes; one already turned
	 * into a task is refused unless the form says to give another ({@code again}), so a double is never by accident.
	 */
	private ItemTable.@Nullable Conclusion conclusion(OfficialPrincipal me, @Nullable String typed, boolean again) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		var id = typed.strip().matches("[0-9]{1,12}") ? Long.parseLong(typed.strip()) : -1;
		var found = id < 0 ? null : items.signedConclusion(me.unitCode(), id).orElse(null);
		if (found == null) {
			throw new MeetingsException("conclusion", "meetings.error.taskConclusion");
		}
		if (found.tasked() && !again) {
			throw new MeetingsException("conclusion", "meetings.error.conclusionTasked", found.meetingTitle());
		}
		return found;
	}

	private @Nullable Long document(OfficialPrincipal me, @Nullable String document) {
		if (document == null || document.isBlank()) {
			return null;
		}
		var id = document.strip().matches("[0-9]{1,12}") ? Long.parseLong(document.strip()) : -1;
		if (id < 0 || documents.find(Actor.of(me), id).isEmpty()) {
			throw new MeetingsException("document", "meetings.error.taskDocument");
		}
		return id;
	}
}
