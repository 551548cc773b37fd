package vn.xaso.health.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;
import vn.xaso.platform.Refusal;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The day before an appointment, its citizen is reminded through notify (their chosen channels), once: the job runs
 * every hour on one replica ({@code @SchedulerLock}), "tomorrow" by the injected clock, and queues a notice for each
 * booked appointment of tomorrow not reminded yet (the dedupe key is the appointment's).
 */
@Service
public class AppointmentReminders {

	private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final AppointmentTable appointments;
	private final ApplicationEventPublisher events;
	private final Units units;
	private final HealthWork work;

	AppointmentReminders(AppointmentTable appointments, ApplicationEventPublisher events, Units units, HealthWork work) {
		this.appointments = appointments;
		this.events = events;
		this.units = units;
		this.work = work;
	}

	@Scheduled(initialDelayString = "${xaso.health.reminder-initial-delay:PT2M}", fixedDelayString = "${xaso.health.reminder-interval:PT1H}")
	@SchedulerLock(name = "health.appointment-reminders", lockAtLeastFor = "PT1S", lockAtMostFor = "PT30M")
	void remindTomorrow() {
		try {
			int n = remindFor(work.today().plusDays(1)); // the clock is the application's (injected into HealthWork)
			if (n > 0) {
				log.info("Appointment reminders queued: {}", n);
			}
		}
		catch (RuntimeException e) {
			log.error("Appointment reminders failed; next try in an hour", e);
		}
	}

	/** Queues the reminder of every booked appointment of {@code day} not reminded yet; returns how many. */
	public int remindFor(LocalDate day) {
		return work.systemWide(() -> { // every commune's appointments of that day
			var due = appointments.toRemind(day, 1000);
			for (var a : due) {
				var station = units.find(a.unitCode()).map(Unit::name).orElse(a.unitCode());
				var when = Refusal.bundleText("i18n/health", "health.session." + a.session() + ".when", a.day().format(DAY));
				events.publishEvent(new Notice(a.unitCode(), Recipient.citizen(a.citizenId()), "health.notice.appointment",
						Map.of("station", station, "when", when), "health-appointment-" + a.id(), "/citizen/lich-kham"));
				appointments.reminded(a.id(), work.now());
			}
			return due.size();
		});
	}
}
