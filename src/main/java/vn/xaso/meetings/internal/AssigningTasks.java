package vn.xaso.meetings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingTask;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.TaskAssigned;
import vn.xaso.meetings.TaskCompleted;

/**
 * Tasks from a meeting's conclusion: whoever runs the meeting gives an agenda item's task to an official of the unit
 * (a village head too) with a deadline in working days (the Vietnamese working calendar); the assignee sees it under
 * "my tasks" on their phone, reports progress and reports it done, once; organisers see every person's tasks, the
 * overdue ones first.
 */
@Service
public class AssigningTasks {

	/** The task form as typed. */
	public record Input(@Nullable String assignee, @Nullable String text, @Nullable String workingDays) {
	}

	/**
	 * A progress report of the assignee (a named team's: of one member, {@code by}); {@code photo}: whether one came
	 * with it (its JPEG under the report's id).
	 */
	public record Progress(String note, Instant at, long id, boolean photo, String by) {
	}

	/**
	 * One task as its assignee sees it on their phone (or an organiser of the unit): the task, its progress reports, the
	 * other members of its team; {@code mine}: the caller is the assignee (only they report).
	 */
	public record TaskPage(MeetingTask task, List<Progress> progress, LocalDate today, List<String> teammates, boolean mine) {
	}

	/** One person's tasks counted: open, open past the deadline, done on time, done late. */
	public record PersonLoad(String username, String fullName, int open, int overdue, int doneOnTime, int doneLate) {
	}

	/**
	 * One village's tasks counted (the tasks of the officials serving it); {@code village} null: the commune's own
	 * officials. {@code filter}: the overview's {@code village=} value listing that village's tasks (its code, or
	 * {@link DirectingTasks#COMMUNE}).
	 */
	public record VillageLoad(@Nullable String village, int open, int overdue, int doneOnTime, int doneLate, String filter) {
	}

	/** The leader's overview: per person, per village, and the tasks past their deadline. */
	public record Overview(List<PersonLoad> people, List<VillageLoad> villages, List<MeetingTask> overdue, LocalDate today) {
	}

	private final MeetingAccess access;
	private final ItemTable items;
	private final TaskTable tasks;
	private final Officials officials;
	private final MeetingNotices notices;
	private final WorkingCalendar calendar;
	private final MeetingWork work;

	AssigningTasks(MeetingAccess access, ItemTable items, TaskTable tasks, Officials officials, MeetingNotices notices,
			WorkingCalendar calendar, MeetingWork work) {
		this.access = access;
		this.items = items;
		this.tasks = tasks;
		this.officials = officials;
		this.notices = notices;
		this.calendar = calendar;
		this.work = work;
	}

	public long assign(OfficialPrincipal me, long meetingId, long itemId, Input in) {
		return work.inTx(() -> {
			var record = access.runner(me, meetingId);
			var text = Entry.text("text", in.text(), 3, 1000, "meetings.error.taskText");
			var days = in.workingDays() != null && in.workingDays().strip().matches("[0-9]{1,2}") ? Integer.parseInt(in.workingDays().strip()) : 0;
			if (days < 1 || days > 60) {
				throw new MeetingsException("workingDays", "meetings.error.workingDays");
			}
			record.require(MeetingRecord.Step.ASSIGN);
			if (!items.belongs(meetingId, itemId)) {
				throw new MeetingsException(null, "meetings.error.noMeeting");
			}
			var who = officials.find(me.unitCode(), in.assignee() == null ? "" : in.assignee().strip())
				.orElseThrow(() -> new MeetingsException("assignee", "meetings.error.assignee"));
			var deadline = calendar.addWorkingDays(work.today(), days);
			long id = tasks.insert(new TaskTable.NewTask(me.unitCode(), meetingId, itemId, who.username(), who.fullName(), text, deadline,
					me.username()));
			work.audit(me.unitCode(), me.username(), "meetings.task.assigned", "meeting_task", id, who.username() + " until " + deadline + ": " + text);
			work.publish(new TaskAssigned(me.unitCode(), id, meetingId, who.username(), deadline));
			tasks.ofMeeting(meetingId).stream().filter(t -> t.id() == id).findFirst().ifPresent(t -> notices.task(me.unitCode(), t));
			return id;
		});
	}

	/** One of the caller's own tasks with its progress (organisers: any of the unit's); anyone else's is "not found". */
	public TaskPage task(OfficialPrincipal me, long taskId) {
		return work.inTx(() -> {
			var task = visible(me, taskId);
			var team = task.teamId() != null ? tasks.teammates(task.teamId(), taskId)
					: TaskTable.teamId(task.assignee()).isPresent() ? tasks.namedTeamOf(taskId) : List.<String>of();
			return new TaskPage(task, tasks.progressOf(taskId), work.today(), team,
					tasks.ofAssignee(me.unitCode(), me.username(), taskId).isPresent());
		});
	}

	/** A progress report's photo (or thumbnail) of a task the caller may read. */
	public byte[] photo(OfficialPrincipal me, long taskId, long progressId, boolean thumbnail) {
		return work.inTx(() -> {
			visible(me, taskId);
			return tasks.photo(taskId, progressId, thumbnail).orElseThrow(() -> new MeetingsException(null, "meetings.error.noTask"));
		});
	}

	private MeetingTask visible(OfficialPrincipal me, long taskId) {
		return tasks.ofAssignee(me.unitCode(), me.username(), taskId)
			.or(() -> MeetingRecord.organiser(me) ? tasks.ofUnit(me.unitCode(), taskId) : java.util.Optional.empty())
			.orElseThrow(() -> new MeetingsException(null, "meetings.error.noTask"));
	}

	/** The assignee reports progress on an open task (a note of 3–1,000 characters); the leader sees it with the task. */
	public void progress(OfficialPrincipal me, long taskId, @Nullable String note) {
		progress(me, taskId, note, null);
	}

	/**
	 * The same with an optional photo (JPEG, PNG or WebP up to {@link TaskPhotos#MAX_BYTES}: checked by its content and
	 * pixel count before decoding, re-encoded without its metadata, with a thumbnail).
	 */
	public void progress(OfficialPrincipal me, long taskId, @Nullable String note, byte @Nullable [] photo) {
		var resized = photo == null || photo.length == 0 ? null : TaskPhotos.process(photo);
		work.run(() -> {
			var task = tasks.lockOf(me.unitCode(), me.username(), taskId)
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noTask"));
			var n = Entry.text("note", note, 3, 1000, "meetings.error.progress");
			if (task.done()) {
				throw new MeetingsException(null, "meetings.error.taskDone");
			}
			tasks.progress(me.unitCode(), taskId, n, me.username(), me.fullName(), work.now(), resized);
			work.audit(me.unitCode(), me.username(), "meetings.task.progress", "meeting_task", taskId, n + (resized == null ? "" : " (photo)"));
		});
	}

	/** Organisers (a leader, the clerk): every person's tasks counted, and the tasks past their deadline. */
	public Overview overview(OfficialPrincipal me) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> {
			var today = work.today();
			var people = tasks.perPerson(me.unitCode(), today);
			return new Overview(people, perVillage(me.unitCode(), people), tasks.overdue(me.unitCode(), today, 200), today);
		});
	}

	/** The people's counts summed per the village each serves (by their account), villages by name, the commune's last. */
	private List<VillageLoad> perVillage(String unitCode, List<PersonLoad> people) {
		var names = officials.villageNames(unitCode);
		var villageOf = new java.util.HashMap<String, String>();
		var codeOf = new java.util.HashMap<String, String>();
		officials.of(unitCode).forEach(o -> {
			if (o.villageCode() != null && names.containsKey(o.villageCode())) {
				villageOf.put(o.username(), names.get(o.villageCode()));
				codeOf.put(names.get(o.villageCode()), o.villageCode());
			}
		});
		var sums = new java.util.TreeMap<String, int[]>(java.util.Comparator.nullsLast(java.text.Collator.getInstance(PaperTexts.VI)::compare));
		for (var p : people) {
			var sum = sums.computeIfAbsent(villageOf.get(p.username()), k -> new int[4]);
			sum[0] += p.open();
			sum[1] += p.overdue();
			sum[2] += p.doneOnTime();
			sum[3] += p.doneLate();
		}
		return sums.entrySet().stream().map(e -> new VillageLoad(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
				e.getKey() == null ? DirectingTasks.COMMUNE : codeOf.get(e.getKey()))).toList();
	}

	/** The official's own tasks, open ones first. */
	public List<MeetingTask> mine(OfficialPrincipal me) {
		return work.inTx(() -> tasks.of(me.unitCode(), me.username(), false, 100));
	}

	/** The assignee reports the task done (with an optional note); a repeat is refused. */
	public void done(OfficialPrincipal me, long taskId, @Nullable String note) {
		work.run(() -> {
			var task = tasks.lockOf(me.unitCode(), me.username(), taskId)
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noTask"));
			var n = Entry.optional("note", note, 1000, "meetings.error.note");
			if (task.done()) {
				throw new MeetingsException(null, "meetings.error.taskDone");
			}
			var now = work.now();
			tasks.done(taskId, n, now);
			boolean onTime = !work.today().isAfter(task.deadline());
			work.audit(me.unitCode(), me.username(), "meetings.task.done", "meeting_task", taskId, (onTime ? "on time" : "late")
					+ (n == null ? "" : ": " + n));
			work.publish(new TaskCompleted(me.unitCode(), taskId, me.username(), onTime));
			notices.toGiver(task, me.unitCode(), false);
		});
	}

}
