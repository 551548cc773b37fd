package vn.xaso.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.health.AppointmentBooked;
import vn.xaso.health.AppointmentCancelled;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * Health's daily counters for the insights indicators (issue 20), published as {@link MetricEvent}s in the transaction
 * that changed health's tables and recounted from them the same way ({@link #recount}); insights keeps its own counters
 * and sums them over communes and days, so every figure built from them rolls up to the province exactly.
 * <ul>
 * <li>Questions: on the day of a question's first answer (kept once on the question, with the minutes since it was
 * asked) +1 answered, + those minutes, and +1 in each "answered within" bucket it falls in (1 h, 4 h, 24 h, 72 h).
 * The mean answer time and the share within 24 h are exact at any level; a median is exact for one commune from
 * health's own minutes, and at the province only to its bucket (the buckets' counts are exact).</li>
 * <li>Appointments, on their day: booked (+1 on booking, −1 on cancelling) and came (+1 marked came, −1 when the mark
 * is taken back or the appointment cancelled).</li>
 * <li>Campaigns, on their first day: people on the list (+n as they are added) and people who came (+1/−1 as
 * marked).</li>
 * </ul>
 * Each change is made on a locked or conditionally updated row, so what an event carries is exactly what the recount
 * finds.
 */
@Component
public class HealthMetrics implements MetricSource {

	public static final String ANSWERED = "health.questions_answered";
	public static final String ANSWER_MINUTES = "health.answer_minutes";
	public static final String WITHIN_1H = "health.answered_1h";
	public static final String WITHIN_4H = "health.answered_4h";
	public static final String WITHIN_24H = "health.answered_24h";
	public static final String WITHIN_72H = "health.answered_72h";
	public static final String BOOKED = "health.appointments_booked";
	public static final String CAME = "health.appointments_came";
	public static final String TARGETS = "health.campaign_people";
	public static final String VACCINATED = "health.campaign_came";

	/** Bucket metric → its upper bound in minutes (answered in fewer minutes than that). */
	static final Map<String, Integer> BUCKETS = bucket();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	HealthMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	private static Map<String, Integer> bucket() {
		var m = new LinkedHashMap<String, Integer>();
		m.put(WITHIN_1H, 60);
		m.put(WITHIN_4H, 240);
		m.put(WITHIN_24H, 1440);
		m.put(WITHIN_72H, 4320);
		return m;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(ANSWERED, ANSWER_MINUTES, WITHIN_1H, WITHIN_4H, WITHIN_24H, WITHIN_72H, BOOKED, CAME, TARGETS, VACCINATED);
	}

	/** A question's first answer, {@code minutes} after it was asked. */
	void firstAnswer(String unitCode, Instant at, int minutes) {
		var deltas = new LinkedHashMap<String, Long>();
		deltas.put(ANSWERED, 1L);
		deltas.put(ANSWER_MINUTES, (long) minutes);
		BUCKETS.forEach((metric, bound) -> deltas.put(metric, minutes < bound ? 1L : 0L));
		publish(unitCode, at.atZone(MetricEvent.VIETNAM).toLocalDate(), deltas);
	}

	@EventListener
	void on(AppointmentBooked booked) {
		publish(booked.unitCode(), booked.day(), Map.of(BOOKED, 1L));
	}

	@EventListener
	void on(AppointmentCancelled cancelled) {
		boolean came = jdbc.sql("select coalesce(came, false) from health_appointment where id = ?").param(cancelled.appointmentId())
			.query(Boolean.class).optional().orElse(false);
		publish(cancelled.unitCode(), cancelled.day(), Map.of(BOOKED, -1L, CAME, came ? -1L : 0L));
	}

	/** An appointment of {@code day} marked came (+1) or no longer came (−1). */
	void appointmentCame(String unitCode, LocalDate day, int delta) {
		publish(unitCode, day, Map.of(CAME, (long) delta));
	}

	/** People added to a campaign's list ({@code added}) or marked came / not yet ({@code came}: +1 / −1). */
	void campaign(String unitCode, LocalDate startsOn, int added, int came) {
		publish(unitCode, startsOn, Map.of(TARGETS, (long) added, VACCINATED, (long) came));
	}

	/** One event of the non-zero changes (none when all are zero), dated {@code day}. */
	private void publish(String unitCode, LocalDate day, Map<String, Long> deltas) {
		var changed = new LinkedHashMap<String, Long>(deltas);
		changed.values().removeIf(v -> v == 0);
		if (!changed.isEmpty()) {
			events.publishEvent(MetricEvent.of(unitCode, day, changed));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		var counts = new ArrayList<MetricCount>();
		jdbc.sql("""
				select unit_code, (first_answered_at at time zone 'Asia/Ho_Chi_Minh')::date as day, count(*), sum(answer_minutes),
				  count(*) filter (where answer_minutes < 60), count(*) filter (where answer_minutes < 240),
				  count(*) filter (where answer_minutes < 1440), count(*) filter (where answer_minutes < 4320)
				from health_question where first_answered_at is not null
				  and (first_answered_at at time zone 'Asia/Ho_Chi_Minh')::date between ? and ? group by 1, 2""")
			.params(from, to)
			.query((rs, n) -> {
				var unit = rs.getString(1);
				var day = rs.getObject(2, LocalDate.class);
				counts.add(new MetricCount(unit, day, ANSWERED, rs.getLong(3)));
				counts.add(new MetricCount(unit, day, ANSWER_MINUTES, rs.getLong(4)));
				counts.add(new MetricCount(unit, day, WITHIN_1H, rs.getLong(5)));
				counts.add(new MetricCount(unit, day, WITHIN_4H, rs.getLong(6)));
				counts.add(new MetricCount(unit, day, WITHIN_24H, rs.getLong(7)));
				counts.add(new MetricCount(unit, day, WITHIN_72H, rs.getLong(8)));
				return 0;
			}).list();
		jdbc.sql("""
				select a.unit_code, s.day, count(*), count(*) filter (where a.came) from health_appointment a
				join health_slot s on s.id = a.slot_id where a.status = 'BOOKED' and s.day between ? and ? group by 1, 2""")
			.params(from, to)
			.query((rs, n) -> {
				counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), BOOKED, rs.getLong(3)));
				counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), CAME, rs.getLong(4)));
				return 0;
			}).list();
		jdbc.sql("""
				select c.unit_code, c.starts_on, count(*), count(*) filter (where p.attended_at is not null) from health_campaign c
				join health_campaign_person p on p.campaign_id = c.id where c.starts_on between ? and ? group by 1, 2""")
			.params(from, to)
			.query((rs, n) -> {
				counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), TARGETS, rs.getLong(3)));
				counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), VACCINATED, rs.getLong(4)));
				return 0;
			}).list();
		return counts;
	}
}
