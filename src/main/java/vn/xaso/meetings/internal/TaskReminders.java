package vn.xaso.meetings.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xaso.calendar.WorkingCalendar;

/**
 * Reminders of open tasks through notify, each once: on the working day before the deadline (the deadline falls on or
 * before the next working day), and once the task is past its deadline. The job runs every hour on one replica
 * ({@code @SchedulerLock}), commune by commune in each one's own scope; the overdue one also goes to the leader who gave
 * the task. Each reminder sent is recorded on the task (and the notice's dedupe key
 * names the task and the reminder), so a later run, or another replica, sends nothing twice.
 */
@Service
public class TaskReminders {

	private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);

	private final TaskTable tasks;
	private final MeetingNotices notices;
	private final WorkingCalendar calendar;
	private final MeetingWork work;

	TaskReminders(TaskTable tasks, MeetingNotices notices, WorkingCalendar calendar, MeetingWork work) {
		this.tasks = tasks;
		this.notices = notices;
		this.calendar = calendar;
		this.work = work;
	}

	@Scheduled(initialDelayString = "${xaso.meetings.task-reminder-initial-delay:PT3M}",
			fixedDelayString = "${xaso.meetings.task-reminder-interval:PT1H}")
	@SchedulerLock(name = "meetings.task-reminders", lockAtLeastFor = "PT1S", lockAtMostFor = "PT30M")
	void remindNow() {
		try {
			int n = remindOn(work.today());
			if (n > 0) {
				log.info("Task reminders queued: {}", n);
			}
		}
		catch (RuntimeException e) {
			log.error("Task reminders failed; next try in an hour", e);
		}
	}

	/**
	 * Queues the reminders due on {@code today}, commune by commune: the communes with an open task to remind are read
	 * system-wide (their codes only), then each commune's reminders run in that commune's own scope (row-level security
	 * as for its officials), in its own transaction. On a working day, open tasks due by the next working day; every
	 * day, open tasks past their deadline — to the assignee, and once to the leader who gave the task. Returns how many
	 * reminders were recorded.
	 */
	public int remindOn(LocalDate today) {
		boolean workingDay = calendar.isWorkingDay(today);
		var until = calendar.addWorkingDays(today, 1);
		var communes = work.systemWide(() -> tasks.unitsToRemind(today, workingDay ? until : today));
		int sent = 0;
		for (var unit : communes) {
			try {
				sent += work.asUnit(unit, () -> remindIn(unit, today, workingDay ? until : null));
			}
			catch (RuntimeException e) {
				log.error("Task reminders failed for {}; next try in an hour", unit, e);
			}
		}
		return sent;
	}

	private int remindIn(String unit, LocalDate today, @Nullable LocalDate until) {
		int sent = 0;
		if (until != null) {
			for (var task : tasks.dueToRemind(unit, today, until, 1000)) {
				if (tasks.reminded(task.id(), false, work.now())) {
					notices.taskReminder(task, unit, false);
					sent++;
				}
			}
		}
		for (var task : tasks.overdueToRemind(unit, today, 1000)) {
			if (tasks.reminded(task.id(), true, work.now())) {
				notices.taskReminder(task, unit, true);
				notices.toGiver(task, unit, true);
				sent++;
			}
		}
		return sent;
	}
}
