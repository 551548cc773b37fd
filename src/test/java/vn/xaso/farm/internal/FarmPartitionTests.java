package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;

import vn.xaso.farm.Device;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * {@code farm_reading} partitioned by week (docs/modules/farm.md, "Retention"): a reading lands in its week's
 * partition, or waits in the default one when its week has none and moves in when the job makes it; the job makes
 * the weeks ahead through the owner's function (the application's login has no right on a partition); retention
 * drops a whole week past the retention while its hourly roll-up stays; row-level security still applies through
 * the parent. The weeks used are picked at random, far from the ones other tests write.
 */
@XasoIntegrationTest
class FarmPartitionTests {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	@Autowired
	ApplicationContext context;

	@Autowired
	ReadingTable readings;

	@Autowired
	ReceivingTelemetry telemetry;

	FarmJobs jobsAt(Instant now) {
		return new FarmJobs(context.getBean(SendingCommands.class), readings, context.getBean(FarmWork.class),
				Clock.fixed(now, ZoneOffset.UTC), 90, 730, 3);
	}

	static String partition(Instant at) {
		var monday = at.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return "farm_reading_w" + DAY.format(monday);
	}

	boolean exists(FarmSql sql, String table) {
		return sql.inYenMo(db -> db.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single());
	}

	String partitionOf(FarmSql sql, long device, Instant at) {
		return sql.inYenMo(db -> readings.partitionOf(device, "temperature", at));
	}

	void store(FarmSql sql, long device, Instant at, double value) {
		sql.inYenMo(db -> {
			int n = readings.store(FarmFixture.YEN_MO, device, "temperature", at, value);
			// as ReceivingTelemetry does: the insights counter follows the hourly roll-up the store moved (recount tests)
			context.getBean(FarmMetrics.class).readingsStored(FarmFixture.YEN_MO, java.util.Map.of(FarmMetrics.day(at), (long) n));
			return null;
		});
	}

	@Test
	void aReadingLandsInItsWeekAndAWeekWithoutPartitionWaitsInTheDefaultUntilTheJobMakesIt() {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		var sensor = fixture.device(fixture.farm("Trại phân vùng tuần"), Device.Kind.SENSOR, "Cảm biến tuần");
		long id = sensor.device().id();
		jobsAt(Instant.now()).makePartitions();

		assertThat(telemetry.receive(sensor.device(), "{\"temperature\": 26.5}".getBytes(StandardCharsets.UTF_8))).isTrue();
		var now = sql.inYenMo(db -> db.sql("select max(at) from farm_reading where device_id = ?").param(id)
			.query(java.sql.Timestamp.class).single()).toInstant();
		assertThat(partitionOf(sql, id, now)).isEqualTo(partition(now));
		assertThat(exists(sql, partition(now.plus(Duration.ofDays(21))))).as("three weeks ahead are ready").isTrue();

		// A week years ahead (random, so no other run or class made it): the reading is kept in the default partition.
		var later = now.plus(Duration.ofDays(7L * ThreadLocalRandom.current().nextInt(300, 3000))).truncatedTo(ChronoUnit.MINUTES);
		assertThat(exists(sql, partition(later))).isFalse();
		store(sql, id, later, 24);
		assertThat(partitionOf(sql, id, later)).isEqualTo("farm_reading_default");

		assertThat(jobsAt(later).makePartitions()).as("that week and the three after").isEqualTo(4);
		assertThat(exists(sql, partition(later))).isTrue();
		assertThat(partitionOf(sql, id, later)).as("moved in, not lost").isEqualTo(partition(later));
		assertThat(jobsAt(later).makePartitions()).as("nothing more to make").isZero();
		assertThat(sql.readings(id)).isEqualTo(2);
	}

	@Test
	void retentionDropsAWholeWeekPastItWhileItsHoursStay() {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		var sensor = fixture.device(fixture.farm("Trại phân vùng cũ"), Device.Kind.SENSOR, "Cảm biến cũ");
		long id = sensor.device().id();
		var now = Instant.now();
		var old = now.minus(Duration.ofDays(7L * ThreadLocalRandom.current().nextInt(25, 90))).truncatedTo(ChronoUnit.HOURS);
		var recent = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		jobsAt(old).makePartitions();
		jobsAt(now).makePartitions();
		store(sql, id, old, 21);
		store(sql, id, recent, 22);
		assertThat(partitionOf(sql, id, old)).isEqualTo(partition(old));

		jobsAt(now).deleteOldReadings();

		assertThat(exists(sql, partition(old))).as("the old week's partition dropped whole").isFalse();
		assertThat(partitionOf(sql, id, old)).isNull();
		assertThat(partitionOf(sql, id, recent)).as("three days ago stays (in its week or the default partition)").isNotNull();
		var hours = sql.inYenMo(db -> db.sql("select hour, n from farm_hourly where device_id = ? order by hour").param(id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getInt(2)).list());
		assertThat(hours).as("both hours stay in the roll-up").containsExactly(old + " 1", recent + " 1");
	}

	@Test
	void rowLevelSecurityStillHidesAnotherCommunesReadingsAndNoPartitionIsOpenToTheApplication() {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		var sensor = fixture.device(fixture.farm("Trại phân vùng riêng"), Device.Kind.SENSOR, "Cảm biến riêng");
		long id = sensor.device().id();
		assertThat(telemetry.receive(sensor.device(), "{\"temperature\": 25}".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(sql.readings(id)).isEqualTo(1);

		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		var tx = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
		long seenElsewhere = Tenancy.callAs(UnitScope.of("14704"), () -> tx.execute(s -> jdbc
			.sql("select count(*) from farm_reading where device_id = ?").param(id).query(Long.class).single()));
		assertThat(seenElsewhere).as("another commune sees none of them").isZero();
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of("14704"), () -> tx.execute(s -> jdbc
			.sql("insert into farm_reading (unit_code, device_id, key, at, value) values (?, ?, 'temperature', now(), 1)")
			.params(FarmFixture.YEN_MO, id).update()))).as("nor writes one for Yên Mô").isInstanceOf(DataAccessException.class);
		var week = partition(Instant.now());
		for (var table : new String[] { week, "farm_reading_default" }) {
			assertThatThrownBy(() -> sql.inYenMo(db -> db.sql("select count(*) from " + table).query(Long.class).single()))
				.as("no right on %s itself", table).isInstanceOf(DataAccessException.class);
		}
		assertThatThrownBy(() -> sql.inYenMo(db -> db.sql("create table farm_reading_w20990105 partition of farm_reading "
				+ "for values from ('2099-01-05') to ('2099-01-12')").update()))
			.as("the application's login makes no partition itself").isInstanceOf(DataAccessException.class);
	}
}
