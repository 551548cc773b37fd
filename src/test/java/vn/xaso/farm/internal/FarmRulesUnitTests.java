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
		var rule = new Rule(1, "14701", 1, 2, "temperature", true, 32, 30, 300, null);
		assertThat(rule.breached(32)).isFalse();
		assertThat(rule.breached(32.1)).isTrue();
		assertThat(rule.cleared(31)).isFalse();
		assertThat(rule.cleared(29.9)).isTrue();
		assertThat(rule.heldLongEnough(NOW, NOW.plusSeconds(299))).isFalse();
		assertThat(rule.heldLongEnough(NOW, NOW.plusSeconds(300))).isTrue();
		var low = new Rule(2, "14701", 1, 2, "water", false, 10, 15, 0, null);
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

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
