package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.xaso.farm.Alarm;
import vn.xaso.farm.AlarmAcknowledged;
import vn.xaso.farm.AlarmCleared;
import vn.xaso.farm.Command;
import vn.xaso.farm.CommandAcknowledged;
import vn.xaso.farm.CommandTimedOut;
import vn.xaso.farm.FarmException;

/** The farm's aggregates and the telemetry policy, without Spring. */
class FarmRulesUnitTests {

	static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
	static final Duration KEPT = Duration.ofDays(90);

	static Alarm alarm(Alarm.Status status) {
		return new Alarm(7, "14701", 1, 2, 3, "temperature", 33, status, NOW, null, null, null, null);
	}

	static Command command() {
		return new Command(9, "14701", 1, 2, Command.Action.FAN_ON, Command.Status.PENDING, "yenmo.htx", NOW, NOW.plusSeconds(60), null,
				null);
	}

	@Test
	void anAlarmIsAcknowledgedOnceThenClearedOnce() {
		var alarm = new AlarmCase(alarm(Alarm.Status.RAISED));
		assertThatThrownBy(() -> alarm.clear("yenmo.htx", NOW)).isInstanceOf(FarmException.class)
			.extracting("key").isEqualTo("farm.error.acknowledgeFirst");
		alarm.acknowledge("yenmo.htx", NOW);
		assertThat(alarm.status()).isEqualTo(Alarm.Status.ACKNOWLEDGED);
		assertThatThrownBy(() -> alarm.acknowledge("yenmo.htx", NOW)).extracting("key").isEqualTo("farm.error.alreadyAcknowledged");
		alarm.clear("yenmo.htx", NOW.plusSeconds(5));
		assertThat(alarm.status()).isEqualTo(Alarm.Status.CLEARED);
		assertThat(alarm.clearedBy()).isEqualTo("yenmo.htx");
		assertThatThrownBy(() -> alarm.clear("yenmo.htx", NOW)).extracting("key").isEqualTo("farm.error.alarmCleared");
		assertThat(alarm.clearByValue(NOW)).isFalse();
		assertThat(alarm.events()).hasSize(2).first().isInstanceOf(AlarmAcknowledged.class);
		assertThat(alarm.events().get(1)).isInstanceOf(AlarmCleared.class);
	}

	@Test
	void theValueComingBackClearsARaisedAlarmWithoutAPerson() {
		var alarm = new AlarmCase(alarm(Alarm.Status.RAISED));
		assertThat(alarm.clearByValue(NOW)).isTrue();
		assertThat(alarm.clearedBy()).isNull();
		assertThatThrownBy(() -> alarm.acknowledge("yenmo.htx", NOW)).extracting("key").isEqualTo("farm.error.alarmCleared");
	}

	@Test
	void aCommandIsAnsweredOnceAndTimesOutOnlyWhenPendingAndLate() {
		var done = new CommandCase(command());
		assertThat(done.timeOut(NOW.plusSeconds(59))).isFalse();
		assertThat(done.answer(true, null, NOW.plusSeconds(2))).isTrue();
		assertThat(done.status()).isEqualTo(Command.Status.DONE);
		assertThat(done.answer(false, "late", NOW.plusSeconds(3))).isFalse();
		assertThat(done.timeOut(NOW.plusSeconds(120))).isFalse();
		assertThat(done.events()).singleElement().isInstanceOf(CommandAcknowledged.class);
		var failed = new CommandCase(command());
		assertThat(failed.answer(false, "motor stuck", NOW)).isTrue();
		assertThat(failed.status()).isEqualTo(Command.Status.FAILED);
		var late = new CommandCase(command());
		assertThat(late.timeOut(NOW.plusSeconds(61))).isTrue();
		assertThat(late.status()).isEqualTo(Command.Status.TIMED_OUT);
		assertThat(late.answer(true, null, NOW.plusSeconds(62))).isFalse();
		assertThat(late.events()).singleElement().isInstanceOf(CommandTimedOut.class);
	}

	@Test
	void aRuleNeedsItsDurationAndClearsOnlyPastTheOtherLevel() {
		var rule = new Rule(1, "14701", 1, 2, "temperature", true, 32, 30, 300, null, false);
		assertThat(rule.breached(32)).isFalse();
		assertThat(rule.breached(32.1)).isTrue();
		assertThat(rule.cleared(31)).isFalse();
		assertThat(rule.cleared(29.9)).isTrue();
		assertThat(rule.heldLongEnough(NOW, NOW.plusSeconds(299))).isFalse();
		assertThat(rule.heldLongEnough(NOW, NOW.plusSeconds(300))).isTrue();
		var low = new Rule(2, "14701", 1, 2, "water", false, 10, 15, 0, null, false);
		assertThat(low.breached(9)).isTrue();
		assertThat(low.cleared(12)).isFalse();
		assertThat(low.cleared(16)).isTrue();
	}

	@Test
	void telemetryReadsOneObjectOrABatchInTimeOrder() {
		var one = TelemetryMessage.parse(bytes("{\"temperature\": 31.5, \"fan\": true}"), NOW, KEPT);
		assertThat(one.refused()).isNull();
		assertThat(one.readings()).extracting(TelemetryMessage.Reading::key).containsExactlyInAnyOrder("temperature", "fan");
		assertThat(one.readings()).allMatch(r -> r.at().equals(NOW));
		var batch = TelemetryMessage.parse(bytes("[{\"ts\": \"2026-12-07T02:58:00Z\", \"temperature\": 30},"
				+ " {\"ts\": " + NOW.minusSeconds(300).toEpochMilli() + ", \"temperature\": 29}]"), NOW, KEPT);
		assertThat(batch.refused()).isNull();
		assertThat(batch.readings()).extracting(TelemetryMessage.Reading::value).containsExactly(29.0, 30.0);
	}

	@Test
	void badTelemetryIsRefusedWithItsReason() {
		assertThat(TelemetryMessage.parse(bytes("nhiet do 33"), NOW, KEPT).refused()).isEqualTo("NOT_JSON");
		assertThat(TelemetryMessage.parse(bytes("{\"temperature\": 3"), NOW, KEPT).refused()).isEqualTo("NOT_JSON");
		assertThat(TelemetryMessage.parse(new byte[TelemetryMessage.MAX_BYTES + 1], NOW, KEPT).refused()).isEqualTo("TOO_BIG");
		assertThat(TelemetryMessage.parse(bytes("{\"temperature\": \"hot\"}"), NOW, KEPT).refused()).isEqualTo("WRONG_TYPE");
		assertThat(TelemetryMessage.parse(bytes("{\"temperature\": {\"v\": 1}}"), NOW, KEPT).refused()).isEqualTo("WRONG_TYPE");
		assertThat(TelemetryMessage.parse(bytes("{\"Nhiệt độ\": 1}"), NOW, KEPT).refused()).isEqualTo("WRONG_TYPE");
		assertThat(TelemetryMessage.parse(bytes("[]"), NOW, KEPT).refused()).isEqualTo("WRONG_TYPE");
		assertThat(TelemetryMessage.parse(bytes("{\"ts\": " + NOW.toEpochMilli() + "}"), NOW, KEPT).refused()).isEqualTo("WRONG_TYPE");
		assertThat(TelemetryMessage.parse(bytes("42"), NOW, KEPT).refused()).isEqualTo("WRONG_TYPE");
		assertThat(TelemetryMessage.parse(bytes("{\"ts\": " + NOW.plusSeconds(3600).toEpochMilli() + ", \"temperature\": 20}"), NOW, KEPT)
			.refused()).isEqualTo("FUTURE");
		assertThat(TelemetryMessage.parse(bytes("{\"ts\": \"2020-01-01T00:00:00Z\", \"temperature\": 20}"), NOW, KEPT).refused())
			.isEqualTo("TOO_OLD");
		// one bad object refuses the whole batch
		assertThat(TelemetryMessage.parse(bytes("[{\"temperature\": 20}, {\"temperature\": null}]"), NOW, KEPT).refused())
			.isEqualTo("WRONG_TYPE");
	}

	@Test
	void aTimeAheadIsAcceptedWithinFiveMinutesOfSkewAndRefusedBeyondEvenInsideABatch() {
		var edge = TelemetryMessage.parse(bytes(ts(NOW.plus(TelemetryMessage.AHEAD), "\"temperature\": 20")), NOW, KEPT);
		assertThat(edge.refused()).isNull();
		assertThat(edge.readings()).singleElement().extracting(TelemetryMessage.Reading::at).isEqualTo(NOW.plusSeconds(300));
		var beyond = TelemetryMessage.parse(bytes(ts(NOW.plus(TelemetryMessage.AHEAD).plusMillis(1), "\"temperature\": 20")), NOW,
				KEPT);
		assertThat(beyond.refused()).isEqualTo("FUTURE");
		assertThat(beyond.readings()).isEmpty();
		var iso = TelemetryMessage.parse(bytes("{\"ts\": \"2026-12-07T03:06:00Z\", \"temperature\": 20}"), NOW, KEPT);
		assertThat(iso.refused()).as("ISO-8601 six minutes ahead").isEqualTo("FUTURE");
		var batch = TelemetryMessage.parse(bytes("[" + ts(NOW.minusSeconds(60), "\"temperature\": 20") + ", "
				+ ts(NOW.plusSeconds(3600), "\"temperature\": 21") + "]"), NOW, KEPT);
		assertThat(batch.refused()).as("one reading from the future refuses the whole batch").isEqualTo("FUTURE");
		assertThat(batch.readings()).isEmpty();
	}

	@Test
	void scheduleTimesAreReadAsTheFarmerTypesThem() {
		assertThat(ScheduleTimes.parse("06:00, 11:00, 17:00")).extracting(ScheduleTimes::hhmm).containsExactly("06:00", "11:00", "17:00");
		assertThat(ScheduleTimes.parse("17h 6h 11h30")).extracting(ScheduleTimes::hhmm).containsExactly("06:00", "11:30", "17:00");
		assertThat(ScheduleTimes.format(ScheduleTimes.parse("6:00; 6:00;17:05"))).isEqualTo("06:00 17:05");
		for (var bad : new String[] { "", "24:00", "6:5", "sáng sớm", "06:00, 25:00", "06:00,, x" }) {
			assertThatThrownBy(() -> ScheduleTimes.parse(bad)).as(bad).isInstanceOf(FarmException.class).extracting("key").isEqualTo("farm.error.times");
		}
		var many = java.util.stream.IntStream.range(0, 24).mapToObj(h -> h + ":00").reduce((a, b) -> a + ", " + b).orElseThrow() + ", 23:30";
		assertThatThrownBy(() -> ScheduleTimes.parse(many)).extracting("key").isEqualTo("farm.error.timesMany");
	}

	@Test
	void aSlotIsDueFromItsTimeForTheGraceOnlyAndNeverBeforeTheScheduleExisted() {
		var times = ScheduleTimes.parse("06:00, 11:00, 17:00");
		var six = Instant.parse("2026-12-06T23:00:00Z"); // 06:00 on 07/12 in Vietnam (UTC+7)
		var grace = Duration.ofMinutes(30);
		var created = six.minus(Duration.ofDays(3));
		assertThat(ScheduleTimes.due(times, created, six.minusSeconds(1), grace)).isEmpty();
		assertThat(ScheduleTimes.due(times, created, six, grace)).containsExactly(six);
		assertThat(ScheduleTimes.due(times, created, six.plus(Duration.ofMinutes(29)), grace)).containsExactly(six);
		assertThat(ScheduleTimes.due(times, created, six.plus(grace), grace)).as("too late: not fed at 06:30").isEmpty();
		assertThat(ScheduleTimes.due(times, six.plusSeconds(1), six.plusSeconds(60), grace)).as("set after 06:00").isEmpty();
		assertThat(ScheduleTimes.due(ScheduleTimes.parse("23:50, 00:05"), created, Instant.parse("2026-12-06T17:10:00Z"), grace))
			.as("across midnight").containsExactly(Instant.parse("2026-12-06T16:50:00Z"), Instant.parse("2026-12-06T17:05:00Z"));
		assertThat(ScheduleTimes.next(times, java.util.Set.of(), six)).isEqualTo(six.plus(Duration.ofHours(5)));
		var today = java.time.LocalDate.of(2026, 12, 7);
		assertThat(ScheduleTimes.next(times, java.util.Set.of(today), six)).as("07/12 skipped").isEqualTo(six.plus(Duration.ofDays(1)));
		assertThat(ScheduleTimes.day(six)).isEqualTo(today);
	}

	@Test
	void anOfflineRuleIsNotAThreshold() {
		var offline = new Rule(3, "14701", 1, 2, Rule.OFFLINE_KEY, true, 0, 0, 900, null, true);
		assertThat(offline.offline()).isTrue();
		assertThat(offline.minutes()).isEqualTo(15);
	}

	static String ts(Instant at, String values) {
		return "{\"ts\": " + at.toEpochMilli() + ", " + values + "}";
	}

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
