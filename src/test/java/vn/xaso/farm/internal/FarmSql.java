package vn.xaso.farm.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.farm.Alarm;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** The farm tests' reads of the shared database — in Yên Mô's scope, by their own devices' ids — and their waits. */
final class FarmSql {

	static final Duration WAIT = Duration.ofSeconds(20);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	FarmSql(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.tx = context.getBean(TransactionTemplate.class);
	}

	<T> T inYenMo(Function<JdbcClient, T> work) {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> tx.execute(s -> work.apply(jdbc)));
	}

	long readings(long deviceId) {
		return inYenMo(sql -> sql.sql("select count(*) from farm_reading where device_id = ?").param(deviceId).query(Long.class).single());
	}

	List<Alarm> alarms(long ruleId) {
		return inYenMo(sql -> sql.sql("select " + AlarmTable.COLUMNS + " from farm_alarm where rule_id = ? order by id").param(ruleId)
			.query(AlarmTable::map).list());
	}

	String commandStatus(long commandId) {
		return inYenMo(sql -> sql.sql("select status from farm_command where id = ?").param(commandId).query(String.class).single());
	}

	/** Reads again every 50 ms until the value is as wanted or {@link #WAIT} has passed; the last value read. */
	static <T> T eventually(Callable<T> read, Predicate<T> until) throws Exception {
		long end = System.nanoTime() + WAIT.toNanos();
		T value = read.call();
		while (!until.test(value) && System.nanoTime() < end) {
			Thread.sleep(50);
			value = read.call();
		}
		return value;
	}
}
