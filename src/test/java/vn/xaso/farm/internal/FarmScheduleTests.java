package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.xaso.farm.Alarm;
import vn.xaso.farm.Device;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Schedules, offline detection and retention, driven by the jobs' own code ({@link FarmClockJobs}, {@link FarmJobs})
 * built with the clock the test chooses — days ahead, at 06:00 Vietnam time — against the shared database and the
 * real embedded broker: a feeding schedule sends its command once per slot, with two instances running the job at the
 * same moment and an instance restarted, skips its skipped day and does not feed late; a silent sensor raises one
 * alarm, sent once, cleared by its next data; readings go after 90 days, their hourly roll-up after two years.
 */
@XasoIntegrationTest
class FarmScheduleTests {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	ApplicationContext context;

	@Autowired
	KeepingSchedules schedules;

	@Autowired
	RunningSchedules running;

	@Autowired
	WatchingOffline offline;

	@Autowired
	ReceivingTelemetry telemetry;

	@Autowired
	Notifications notifications;

	/** An instance of the application's clock jobs at this moment (no ShedLock here: only the (schedule, slot) row). */
	FarmClockJobs instanceAt(Instant now) {
		return new FarmClockJobs(running, offline, Clock.fixed(now, VIETNAM));
	}

	static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(VIETNAM).toInstant();
	}

	static <T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), work);
	}

	@Test
	void aFeedingScheduleSendsEachSlotOnceWithTwoInstancesAndARestartSkipsItsDayAndNeverFeedsLate() throws Exception {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		long farm = fixture.farm("Trại lợn Vân Sơn có lịch");
		var feeder = fixture.device(farm, Device.Kind.FEEDER, "Máy cho ăn chuồng 1–20");
		var day = LocalDate.now(VIETNAM).plusDays(10);
		var skipped = day.plusDays(1);
		long schedule = yenMo(() -> schedules.create(FarmFixture.HTX, farm,
				new KeepingSchedules.Input(String.valueOf(feeder.device().id()), "FEED_NOW", "06:00, 11:00, 17:00")));
		yenMo(() -> schedules.skip(FarmFixture.HTX, farm, schedule, skipped.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
		var runs = (java.util.function.Supplier<List<String>>) () -> sql.inYenMo(db -> db
			.sql("select slot_at, status, command_id from farm_schedule_run where schedule_id = ? and slot_at >= ? order by slot_at")
			.params(schedule, Timestamp.from(at(day, 0, 0))) // the real clock's job may run today's slots meanwhile: not counted
			.query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getString(2) + (rs.getObject(3) == null ? "" : " #")).list());
		var commands = (java.util.function.Supplier<List<Long>>) () -> sql.inYenMo(db -> db
			.sql("select id from farm_command where schedule_id = ? and requested_at >= ? order by id")
			.params(schedule, Timestamp.from(at(day, 0, 0)))
			.query(Long.class).list());
		try (var device = FakeDevice.connect(context, feeder)) {
			// 06:00:05 that day: two instances run the job at the same moment.
			var start = new CountDownLatch(1);
			var pool = Executors.newFixedThreadPool(2);
			var both = new ArrayList<Future<?>>();
			for (int i = 0; i < 2; i++) {
				var jobs = instanceAt(at(day, 6, 0).plusSeconds(5));
				both.add(pool.submit(() -> {
					start.await();
					jobs.runSchedules();
					return null;
				}));
			}
			start.countDown();
			for (var f : both) {
				f.get();
			}
			pool.shutdown();
			assertThat(runs.get()).containsExactly(at(day, 6, 0) + " SENT #");
			assertThat(commands.get()).hasSize(1);
			assertThat(device.await(1, FarmSql.WAIT)).as("the feeder got FEED_NOW once").singleElement().satisfies(c -> {
				assertThat(c).contains("\"action\":\"FEED_NOW\"");
				assertThat(FakeDevice.id(c)).isEqualTo(commands.get().getFirst());
			});

			// An instance restarted at 06:05 sends nothing again.
			instanceAt(at(day, 6, 5)).runSchedules();
			assertThat(commands.get()).hasSize(1);

			// 11:00 and 17:00 (a minute late); the next day is skipped; the day after, an instance down from 10:30 to
			// 11:45 does not feed late.
			instanceAt(at(day, 11, 0)).runSchedules();
			instanceAt(at(day, 17, 1)).runSchedules();
			instanceAt(at(skipped, 6, 0).plusSeconds(20)).runSchedules();
			instanceAt(at(skipped.plusDays(1), 11, 45)).runSchedules();
			assertThat(runs.get()).containsExactly(at(day, 6, 0) + " SENT #", at(day, 11, 0) + " SENT #", at(day, 17, 0) + " SENT #",
					at(skipped, 6, 0) + " SKIPPED");
			assertThat(commands.get()).hasSize(3);
			assertThat(device.await(3, FarmSql.WAIT)).hasSize(3);
			Thread.sleep(200);
			assertThat(device.received()).as("nothing more reached the feeder").hasSize(3);
		}
		finally {
			// stopped: other tests' hand-set clocks must not run it
			Tenancy.runAs(UnitScope.of(FarmFixture.YEN_MO), () -> schedules.stop(FarmFixture.HTX, farm, schedule));
		}

		// The farm's page shows it: its times, the skipped day, the latest runs.
		var line = yenMo(() -> schedules.of(FarmFixture.HTX, farm)).getFirst();
		assertThat(line.times()).isEqualTo("06:00, 11:00, 17:00");
		assertThat(line.skipped()).containsExactly(skipped);
		assertThat(line.runs()).hasSize(3).first().satisfies(r -> assertThat(r.sent()).isFalse());
	}

	@Test
	void aScheduleIsRefusedWithItsReasonAndAnotherFarmerFindsNoneOfIt() {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại vịt có lịch");
		var fan = fixture.device(farm, Device.Kind.FAN, "Quạt chuồng vịt");
		var id = String.valueOf(fan.device().id());
		var stranger = new OfficialPrincipal(0, fixture.farmer(), "Lê Văn Trại", FarmFixture.YEN_MO, "Xã Yên Mô", Set.of(Role.PRODUCER),
				UnitScope.of(FarmFixture.YEN_MO));
		Tenancy.runAs(UnitScope.of(FarmFixture.YEN_MO), () -> {
			assertThatThrownBy(() -> schedules.create(FarmFixture.HTX, farm, new KeepingSchedules.Input(id, "FAN_ON", "25:00")))
				.isInstanceOf(FarmException.class).extracting("key").isEqualTo("farm.error.times");
			assertThatThrownBy(() -> schedules.create(FarmFixture.HTX, farm, new KeepingSchedules.Input(id, "FEED_NOW", "06:00")))
				.extracting("key").isEqualTo("farm.error.actionKind");
			long schedule = schedules.create(FarmFixture.HTX, farm, new KeepingSchedules.Input(id, "FAN_ON", "12h, 13h30"));
			var today = LocalDate.now(VIETNAM);
			assertThatThrownBy(() -> schedules.skip(FarmFixture.HTX, farm, schedule, today.minusDays(1).toString()))
				.extracting("key").isEqualTo("farm.error.skipPast");
			assertThatThrownBy(() -> schedules.skip(FarmFixture.HTX, farm, schedule, "31/02/2027")).extracting("key").isEqualTo("farm.error.day");
			schedules.skip(FarmFixture.HTX, farm, schedule, today.toString());
			assertThatThrownBy(() -> schedules.skip(FarmFixture.HTX, farm, schedule, today.toString())).extracting("key").isEqualTo("farm.error.skipTwice");
			assertThatThrownBy(() -> schedules.stop(stranger, farm, schedule)).extracting("key").isEqualTo("farm.error.noFarm");
			assertThatThrownBy(() -> schedules.create(stranger, farm, new KeepingSchedules.Input(id, "FAN_ON", "06:00")))
				.extracting("key").isEqualTo("farm.error.noFarm");
			schedules.stop(FarmFixture.HTX, farm, schedule);
			assertThatThrownBy(() -> schedules.stop(FarmFixture.HTX, farm, schedule)).extracting("key").isEqualTo("farm.error.scheduleStopped");
			assertThatThrownBy(() -> schedules.skip(FarmFixture.HTX, farm, schedule, today.plusDays(1).toString()))
				.extracting("key").isEqualTo("farm.error.scheduleStopped");
		});
	}

	@Test
	void aSilentSensorRaisesOneAlarmSentOnceThatItsNextDataClears() throws Exception {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		long farm = fixture.farm("Trại lợn mất tín hiệu");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 7");
		var closed = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 8");
		long rule = yenMo(() -> offline.addRule(FarmFixture.HTX, farm, new WatchingOffline.Input(String.valueOf(sensor.device().id()), "10")));
		long closedRule = yenMo(() -> offline.addRule(FarmFixture.HTX, farm,
				new WatchingOffline.Input(String.valueOf(closed.device().id()), "10")));
		assertThat(telemetry.receive(closed.device(), "{\"temperature\": 26}".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(telemetry.receive(sensor.device(), "{\"temperature\": 27}".getBytes(StandardCharsets.UTF_8))).isTrue();
		var seen = sql.inYenMo(db -> db.sql("select last_seen_at from farm_device where id = ?").param(sensor.device().id())
			.query(Timestamp.class).single().toInstant());
		instanceAt(seen.plus(Duration.ofMinutes(9))).checkOffline();
		assertThat(sql.alarms(rule)).as("9 minutes of silence is not yet 10").isEmpty();
		instanceAt(seen.plus(Duration.ofMinutes(11))).checkOffline();
		instanceAt(seen.plus(Duration.ofMinutes(11))).checkOffline(); // another instance at the same time
		// The farmer closes the other sensor's alarm while it is still silent: not raised again for this silence.
		var other = sql.alarms(closedRule).getFirst();
		yenMo(() -> {
			var handling = context.getBean(HandlingAlarms.class);
			handling.acknowledge(FarmFixture.HTX, farm, other.id());
			handling.clear(FarmFixture.HTX, farm, other.id());
			return null;
		});
		instanceAt(seen.plus(Duration.ofMinutes(25))).checkOffline(); // a later round
		assertThat(sql.alarms(closedRule)).singleElement().extracting(Alarm::status).isEqualTo(Alarm.Status.CLEARED);
		var raised = sql.alarms(rule);
		assertThat(raised).singleElement().satisfies(a -> {
			assertThat(a.status()).isEqualTo(Alarm.Status.RAISED);
			assertThat(a.key()).isEqualTo(Rule.OFFLINE_KEY);
			assertThat(a.value()).isEqualTo(11.0);
		});
		var keys = List.of("farm-alarm-" + raised.getFirst().id(), "farm-alarm-" + other.id());
		var deliveries = yenMo(() -> notifications.deliveries(FarmFixture.YEN_MO, keys));
		assertThat(deliveries.get(keys.get(0))).as("one text message to the farm's phone").hasSize(1);
		assertThat(deliveries.get(keys.get(1))).as("one for the other sensor").hasSize(1);
		var view = yenMo(() -> context.getBean(FarmDashboard.class).of(FarmFixture.HTX, farm));
		assertThat(view.alarms()).allMatch(view::offline);

		assertThat(telemetry.receive(sensor.device(), "{\"temperature\": 27.5}".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(sql.alarms(rule)).singleElement().extracting(Alarm::status).isEqualTo(Alarm.Status.CLEARED);
		assertThatThrownBy(() -> yenMo(() -> offline.addRule(FarmFixture.HTX, farm,
				new WatchingOffline.Input(String.valueOf(sensor.device().id()), "0")))).extracting("key").isEqualTo("farm.error.offlineMinutes");
	}

	@Test
	void readingsGoAfterTheirNinetyDaysAndTheirHourlyRollUpStaysTwoYears() {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		long farm = fixture.farm("Trại lợn số đo cũ");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 9");
		long id = sensor.device().id();
		var now = Instant.now();
		var old = now.minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.HOURS);
		var ancient = now.minus(Duration.ofDays(800)).truncatedTo(ChronoUnit.HOURS);
		sql.inYenMo(db -> {
			db.sql("insert into farm_reading (unit_code, device_id, key, at, value) values (?, ?, 'temperature', ?, 26)")
				.params(FarmFixture.YEN_MO, id, Timestamp.from(old)).update();
			for (var hour : List.of(old, ancient)) {
				db.sql("""
						insert into farm_hourly (unit_code, device_id, key, hour, n, least_value, greatest_value, sum_value)
						values (?, ?, 'temperature', ?, 1, 26, 26, 26)""").params(FarmFixture.YEN_MO, id, Timestamp.from(hour)).update();
			}
			// the hour of 100 days ago is within insights' checked periods: its counter kept as the farm's own path would
			context.publishEvent(MetricEvent.of(FarmFixture.YEN_MO, FarmMetrics.day(old), Map.of(FarmMetrics.READINGS, 1L)));
			return null;
		});
		assertThat(telemetry.receive(sensor.device(), "{\"temperature\": 27}".getBytes(StandardCharsets.UTF_8))).isTrue();
		new FarmJobs(context.getBean(SendingCommands.class), context.getBean(ReadingTable.class), context.getBean(FarmWork.class),
				Clock.systemUTC(), 90, 730, 3).deleteOldReadings();
		assertThat(sql.readings(id)).as("the reading of 100 days ago went, today's stayed").isEqualTo(1);
		var hours = sql.inYenMo(db -> db.sql("select hour, n from farm_hourly where device_id = ? order by hour").param(id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getInt(2)).list());
		assertThat(hours).as("the hour of 100 days ago stays, that of 800 days ago went, today's counts its reading")
			.hasSize(2).first().isEqualTo(old + " 1");
	}
}
