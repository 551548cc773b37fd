package vn.xaso.farm.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.farm.AlarmCleared;
import vn.xaso.farm.AlarmRaised;
import vn.xaso.farm.CommandAcknowledged;
import vn.xaso.farm.CommandTimedOut;
import vn.xaso.farm.DeviceRegistered;
import vn.xaso.farm.DeviceRevoked;
import vn.xaso.farm.FarmRegistered;
import vn.xaso.farm.ScheduleRan;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The farms' daily counters for the insights indicators (issue 18), published as {@link MetricEvent}s in the
 * transaction that changed the farm's tables — the day read back from the row just written — and recounted from those
 * tables the same way ({@link #recount}):
 * <ul>
 * <li>stocks: farms registered (+1 on the day), devices active (+1 registered, −1 revoked);</li>
 * <li>flows: readings stored (on the day of the reading's own time, from the hourly roll-up {@code farm_hourly}, which
 * keeps each stored reading's count for two years whatever the raw retention), alarms raised and cleared, commands
 * done, failed and timed out, schedule slots sent.</li>
 * </ul>
 */
@Component
class FarmMetrics implements MetricSource {

	static final String FARMS = "farm.farms";
	static final String DEVICES = "farm.devices_active";
	static final String READINGS = "farm.readings";
	static final String ALARMS_RAISED = "farm.alarms_raised";
	static final String ALARMS_CLEARED = "farm.alarms_cleared";
	static final String COMMANDS_DONE = "farm.commands_done";
	static final String COMMANDS_FAILED = "farm.commands_failed";
	static final String COMMANDS_TIMED_OUT = "farm.commands_timed_out";
	static final String SLOTS = "farm.schedule_slots";

	private static final String DAY = " at time zone 'Asia/Ho_Chi_Minh')::date";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	FarmMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(FARMS, DEVICES, READINGS, ALARMS_RAISED, ALARMS_CLEARED, COMMANDS_DONE, COMMANDS_FAILED, COMMANDS_TIMED_OUT, SLOTS);
	}

	/** The Vietnam day of a reading's time. */
	static LocalDate day(Instant at) {
		return at.atZone(MetricEvent.VIETNAM).toLocalDate();
	}

	/** Readings newly stored in the caller's transaction, counted per day of their time (nothing when none). */
	void readingsStored(String unitCode, Map<LocalDate, Long> perDay) {
		perDay.forEach((day, n) -> {
			if (n > 0) {
				events.publishEvent(MetricEvent.of(unitCode, day, Map.of(READINGS, n)));
			}
		});
	}

	@EventListener
	void on(FarmRegistered farm) {
		one("select unit_code, (created_at" + DAY + ", 1 from farm_farm where id = ?", farm.farmId(), FARMS);
	}

	@EventListener
	void on(DeviceRegistered device) {
		one("select unit_code, (created_at" + DAY + ", 1 from farm_device where id = ?", device.deviceId(), DEVICES);
	}

	@EventListener
	void on(DeviceRevoked device) {
		one("select unit_code, (revoked_at" + DAY + ", -1 from farm_device where id = ? and revoked_at is not null", device.deviceId(),
				DEVICES);
	}

	@EventListener
	void on(AlarmRaised alarm) {
		one("select unit_code, (raised_at" + DAY + ", 1 from farm_alarm where id = ?", alarm.alarmId(), ALARMS_RAISED);
	}

	@EventListener
	void on(AlarmCleared alarm) {
		one("select unit_code, (cleared_at" + DAY + ", 1 from farm_alarm where id = ? and cleared_at is not null", alarm.alarmId(),
				ALARMS_CLEARED);
	}

	@EventListener
	void on(CommandAcknowledged command) {
		one("select unit_code, (answered_at" + DAY + ", 1 from farm_command where id = ? and status in ('DONE', 'FAILED')", command.commandId(),
				command.ok() ? COMMANDS_DONE : COMMANDS_FAILED);
	}

	@EventListener
	void on(CommandTimedOut command) {
		one("select unit_code, (coalesce(answered_at, timeout_at)" + DAY + ", 1 from farm_command where id = ? and status = 'TIMED_OUT'",
				command.commandId(), COMMANDS_TIMED_OUT);
	}

	@EventListener
	void on(ScheduleRan ran) {
		if (ran.commandId() != null) {
			jdbc.sql("select unit_code, (ran_at" + DAY + " from farm_schedule_run where schedule_id = ? and slot_at = ? and status = 'SENT'")
				.params(ran.scheduleId(), java.sql.Timestamp.from(ran.slot()))
				.query((rs, n) -> {
					publish(rs.getString(1), rs.getObject(2, LocalDate.class), SLOTS, 1);
					return 0;
				}).list();
		}
	}

	private void one(String sql, long id, String metric) {
		jdbc.sql(sql).param(id).query((rs, n) -> {
			publish(rs.getString(1), rs.getObject(2, LocalDate.class), metric, rs.getLong(3));
			return 0;
		}).list();
	}

	private void publish(String unitCode, LocalDate day, String metric, long delta) {
		events.publishEvent(MetricEvent.of(unitCode, day, Map.of(metric, delta)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		var counts = new ArrayList<MetricCount>();
		jdbc.sql("""
				select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date d, 'farm.farms', count(*) from farm_farm
				  where (created_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, d, 'farm.devices_active', sum(n) from (
				  select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date d, 1 n from farm_device
				  union all
				  select unit_code, (revoked_at at time zone 'Asia/Ho_Chi_Minh')::date, -1 from farm_device where revoked_at is not null) c
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, (hour at time zone 'Asia/Ho_Chi_Minh')::date, 'farm.readings', sum(n) from farm_hourly
				  where hour >= (cast(:from as timestamp) at time zone 'Asia/Ho_Chi_Minh')
				    and hour < (cast(cast(:to as date) + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh')
				  group by 1, 2
				union all
				select unit_code, (raised_at at time zone 'Asia/Ho_Chi_Minh')::date, 'farm.alarms_raised', count(*) from farm_alarm
				  where (raised_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (cleared_at at time zone 'Asia/Ho_Chi_Minh')::date, 'farm.alarms_cleared', count(*) from farm_alarm
				  where (cleared_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (answered_at at time zone 'Asia/Ho_Chi_Minh')::date,
				  case status when 'DONE' then 'farm.commands_done' else 'farm.commands_failed' end, count(*) from farm_command
				  where status in ('DONE', 'FAILED') and (answered_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2, 3
				union all
				select unit_code, (coalesce(answered_at, timeout_at) at time zone 'Asia/Ho_Chi_Minh')::date, 'farm.commands_timed_out', count(*)
				  from farm_command where status = 'TIMED_OUT'
				  and (coalesce(answered_at, timeout_at) at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (ran_at at time zone 'Asia/Ho_Chi_Minh')::date, 'farm.schedule_slots', count(*) from farm_schedule_run
				  where status = 'SENT' and (ran_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4))))
			.list();
		counts.removeIf(c -> c.value() == 0);
		return counts;
	}

	/** Adds one stored reading to the per-day counts of a message or file. */
	static void count(Map<LocalDate, Long> perDay, Instant at, int stored) {
		if (stored > 0) {
			perDay.merge(day(at), (long) stored, Long::sum);
		}
	}

	static Map<LocalDate, Long> perDay() {
		return new TreeMap<>();
	}
}
