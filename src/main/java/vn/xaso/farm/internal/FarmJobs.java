package vn.xaso.farm.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The farm's jobs, each run by one replica at a time: pending commands past their time-out become TIMED_OUT
 * (every 15 s); the weekly partitions of {@code farm_reading} are made ahead (this week and the next
 * {@code xaso.farm.telemetry.partitions-ahead}, default 3; hourly); readings older than
 * {@code xaso.farm.telemetry.retention-days} (default 90) go by whole weeks (their partitions dropped, those waiting in
 * the default partition deleted in batches) and hourly roll-ups older than {@code xaso.farm.hourly.retention-days}
 * (default 730) are deleted in batches (hourly).
 */
@Component
class FarmJobs {

	private static final Logger log = LoggerFactory.getLogger(FarmJobs.class);

	private final SendingCommands commands;
	private final ReadingTable readings;
	private final FarmWork work;
	private final Clock clock;
	private final Duration kept;
	private final Duration hourlyKept;
	private final int weeksAhead;

	FarmJobs(SendingCommands commands, ReadingTable readings, FarmWork work, Clock clock,
			@Value("${xaso.farm.telemetry.retention-days:90}") int retentionDays,
			@Value("${xaso.farm.hourly.retention-days:730}") int hourlyRetentionDays,
			@Value("${xaso.farm.telemetry.partitions-ahead:3}") int weeksAhead) {
		this.weeksAhead = Math.clamp(weeksAhead, 1, 52);
		this.commands = commands;
		this.readings = readings;
		this.work = work;
		this.clock = clock;
		this.kept = Duration.ofDays(retentionDays);
		this.hourlyKept = Duration.ofDays(Math.max(hourlyRetentionDays, retentionDays));
	}

	@Scheduled(initialDelayString = "PT20S", fixedDelayString = "${xaso.farm.timeout-check:PT15S}")
	@SchedulerLock(name = "farm.command-timeouts", lockAtLeastFor = "PT1S", lockAtMostFor = "PT5M")
	void timeOutCommands() {
		int n = commands.timeOutOverdue();
		if (n > 0) {
			log.info("Farm commands timed out: {}", n);
		}
	}

	/** This week's partition and the next weeks' (a reading of a week without one waits in the default partition). */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "farm.reading-partitions", lockAtLeastFor = "PT1S", lockAtMostFor = "PT10M")
	void makePartitionsOnSchedule() {
		makePartitions(); // a locked method returns nothing (ShedLock refuses a primitive result)
	}

	/** Makes the partitions due now; how many were made (the tests call this on a hand-built instance). */
	int makePartitions() {
		var now = clock.instant();
		int made = work.systemWide(() -> readings.makePartitions(now, now.plus(Duration.ofDays(7L * weeksAhead))));
		if (made > 0) {
			log.info("Farm reading partitions made: {}", made);
		}
		return made;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "farm.telemetry-retention", lockAtLeastFor = "PT1S", lockAtMostFor = "PT30M")
	void deleteOldReadings() {
		var before = clock.instant().minus(kept);
		var dropped = work.systemWide(() -> readings.dropPartitionsBefore(before));
		if (!dropped.isEmpty()) {
			log.info("Farm reading partitions past the retention dropped: {}", dropped);
		}
		int total = 0;
		int n;
		do {
			n = work.systemWide(() -> readings.deleteOlderThan(before, 10_000));
			total += n;
		}
		while (n == 10_000 && total < 1_000_000);
		var hoursBefore = clock.instant().minus(hourlyKept);
		int hours = 0;
		do {
			n = work.systemWide(() -> readings.deleteHourlyOlderThan(hoursBefore, 10_000));
			hours += n;
		}
		while (n == 10_000 && hours < 1_000_000);
		if (total > 0 || hours > 0) {
			log.info("Farm readings older than {} deleted: {}; hourly roll-ups older than {}: {}", before, total, hoursBefore, hours);
		}
	}
}
