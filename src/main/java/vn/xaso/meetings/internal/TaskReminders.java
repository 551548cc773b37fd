package vn.xaso.meetings.internal;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xaso.calendar.WorkingCalendar;

/**
 * Reminders of open tasks through notify, each once: on the working day before the deadline (the deadline falls on or
 * before the next working day), and once the task is past its deadline. The job runs every hour on one replica
 * ({@code @SchedulerLock}) over every commune; each reminder sent is recorded on the task (and the notice's dedupe key
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
	 * Queues the reminders due on {@code today}: on a working day, for open tasks due by the next working day; every
	 * day, for open tasks past their deadline. Returns how many were sent.
	 */
	public int remindOn(LocalDate today) {
		return work.systemWide(() -> {
			int sent = 0;
			if (calendar.isWorkingDay(today)) {
				for (var due : tasks.dueToRemind(today, calendar.addWorkingDays(today, 1), 1000)) {
					if (tasks.reminded(due.task().id(), false, work.now())) {
						notices.taskReminder(due.task(), due.unitCode(), false);
						sent++;
					}
				}
			}
			for (var due : tasks.overdueToRemind(today, 1000)) {
				if (tasks.reminded(due.task().id(), true, work.now())) {
					notices.taskReminder(due.task(), due.unitCode(), true);
					sent++;
				}
			}
			return sent;
		});
	}
}
