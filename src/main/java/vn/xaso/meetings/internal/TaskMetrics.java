package vn.xaso.meetings.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.meetings.TaskCompleted;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The tasks' daily counters for the insights indicators (issue 19): tasks reported done, and those done on time (the
 * day reported done, in Vietnam, not after the deadline), on the day reported done. Published as {@link MetricEvent}s
 * in the transaction that marked the task done (a task is done once), and recounted from {@code meeting_task} the same
 * way; the insights module sums them per commune and up to the district and the province.
 */
@Component
public class TaskMetrics implements MetricSource {

	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;

	TaskMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Tasks reported done, on the day reported done (Vietnam). */
	public static final String DONE = "meetings.tasks_done";
	/** Of those, the ones reported done on or before their deadline. */
	public static final String DONE_ON_TIME = "meetings.tasks_done_on_time";

	/** The day a task was reported done, in Vietnam. */
	private static final String DAY = "(t.done_at at time zone 'Asia/Ho_Chi_Minh')::date";

	@EventListener
	void on(TaskCompleted done) {
		jdbc.sql("select t.unit_code, " + DAY + ", " + DAY + " <= t.deadline from meeting_task t where t.id = ? and t.status = 'DONE'")
			.param(done.taskId())
			.query((rs, n) -> {
				var deltas = new LinkedHashMap<String, Long>();
				deltas.put(DONE, 1L);
				if (rs.getBoolean(3)) {
					deltas.put(DONE_ON_TIME, 1L);
				}
				events.publishEvent(MetricEvent.of(rs.getString(1), rs.getObject(2, LocalDate.class), deltas));
				return 0;
			}).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		var counts = new ArrayList<MetricCount>();
		jdbc.sql("select t.unit_code, " + DAY + ", count(*), count(*) filter (where " + DAY + " <= t.deadline) from meeting_task t"
				+ " where t.status = 'DONE' and " + DAY + " between ? and ? group by 1, 2")
			.params(from, to)
			.query((rs, n) -> {
				var unit = rs.getString(1);
				var day = rs.getObject(2, LocalDate.class);
				counts.add(new MetricCount(unit, day, DONE, rs.getLong(3)));
				if (rs.getLong(4) > 0) {
					counts.add(new MetricCount(unit, day, DONE_ON_TIME, rs.getLong(4)));
				}
				return 0;
			}).list();
		return counts;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(DONE, DONE_ON_TIME);
	}
}
