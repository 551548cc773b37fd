package vn.xaso.farm.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The farm's jobs that go by the clock, each run by one replica at a time (ShedLock; a slot is run once even without
 * it: {@link RunningSchedules}): the schedules' slots (every 20 s) and the offline rules (every minute). The moment
 * comes from the injected {@link Clock}, so a test can run them at 06:00 of any day.
 */
@Component
class FarmClockJobs {

	private static final Logger log = LoggerFactory.getLogger(FarmClockJobs.class);

	private final RunningSchedules schedules;
	private final WatchingOffline offline;
	private final Clock clock;

	FarmClockJobs(RunningSchedules schedules, WatchingOffline offline, Clock clock) {
		this.schedules = schedules;
		this.offline = offline;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "${xaso.farm.schedule-check:PT20S}")
	@SchedulerLock(name = "farm.schedules", lockAtLeastFor = "PT1S", lockAtMostFor = "PT5M")
	void runSchedules() {
		int n = schedules.runDue(clock.instant());
		if (n > 0) {
			log.info("Farm schedule slots run: {}", n);
		}
	}

	@Scheduled(initialDelayString = "PT45S", fixedDelayString = "${xaso.farm.offline-check:PT1M}")
	@SchedulerLock(name = "farm.offline", lockAtLeastFor = "PT1S", lockAtMostFor = "PT5M")
	void checkOffline() {
		int n = offline.check(clock.instant());
		if (n > 0) {
			log.info("Farm devices found offline: {}", n);
		}
	}
}
