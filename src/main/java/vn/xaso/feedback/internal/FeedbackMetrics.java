package vn.xaso.feedback.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.feedback.FeedbackChanged;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * Feedback's daily counters for the indicators. After every change of a report its facts are
 * compared with those already reported ({@code feedback_metric}); newly true facts are published
 * as {@link MetricEvent}s in the same transaction, dated the way {@link #recount} dates them.
 * Facts come from values written once (the first answer, close and rating of the report, kept
 * although a reopening clears the current ones) and from the timeline's reopenings, so the recount
 * from the tables always equals what was published.
 */
@Component
public class FeedbackMetrics implements MetricSource {

	/** Reports received, on the day they were sent. */
	public static final String RECEIVED = "feedback.received";
	/** Reports answered for the first time, on that day. */
	public static final String ANSWERED = "feedback.answered";
	/** First answers given no later than the due date in force then. */
	public static final String ANSWERED_ON_TIME = "feedback.answered_on_time";
	/** Σ calendar days from receipt to first answer (Vietnam dates), on the day of the answer. */
	public static final String ANSWER_DAYS_TOTAL = "feedback.answer_days_total";
	/** Reports closed for the first time. */
	public static final String CLOSED = "feedback.closed";
	/** Reopenings by the reporter (every one counts). */
	public static final String REOPENED = "feedback.reopened";
	/** Reports rated for the first time. */
	public static final String RATED = "feedback.rated";
	/** Reports whose first rating was 4 or 5 stars. */
	public static final String RATED_SATISFIED = "feedback.rated_satisfied";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	FeedbackMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(RECEIVED, ANSWERED, ANSWERED_ON_TIME, ANSWER_DAYS_TOTAL, CLOSED, REOPENED, RATED, RATED_SATISFIED);
	}

	/** A fact: its ledger key, metric, day and amount. */
	private record Fact(String key, String metric, LocalDate day, long value) {
		Fact(String metric, LocalDate day, long value) {
			this(metric, metric, day, value);
		}
	}

	/** Every change of a report, in the transaction that made it. */
	@EventListener
	void on(FeedbackChanged change) {
		report(change.reportId());
	}

	/** Reports the report's newly true facts. Call inside the transaction that changed it. */
	public void report(long reportId) {
		var row = jdbc.sql("""
				select unit_code,
				       (created_at at time zone 'Asia/Ho_Chi_Minh')::date,
				       (first_answered_at at time zone 'Asia/Ho_Chi_Minh')::date, first_answer_due,
				       (first_closed_at at time zone 'Asia/Ho_Chi_Minh')::date,
				       (first_rated_at at time zone 'Asia/Ho_Chi_Minh')::date, first_rating
				from feedback_report where id = ?""")
			.param(reportId)
			.query((rs, n) -> {
				var facts = new ArrayList<Fact>();
				var received = rs.getObject(2, LocalDate.class);
				facts.add(new Fact(RECEIVED, received, 1));
				var answered = rs.getObject(3, LocalDate.class);
				if (answered != null) {
					facts.add(new Fact(ANSWERED, answered, 1));
					var due = rs.getObject(4, LocalDate.class);
					if (due == null || !answered.isAfter(due)) {
						facts.add(new Fact(ANSWERED_ON_TIME, answered, 1));
					}
					facts.add(new Fact(ANSWER_DAYS_TOTAL, answered, ChronoUnit.DAYS.between(received, answered)));
				}
				var closed = rs.getObject(5, LocalDate.class);
				if (closed != null) {
					facts.add(new Fact(CLOSED, closed, 1));
				}
				var rated = rs.getObject(6, LocalDate.class);
				if (rated != null) {
					facts.add(new Fact(RATED, rated, 1));
					if (rs.getInt(7) >= 4) {
						facts.add(new Fact(RATED_SATISFIED, rated, 1));
					}
				}
				return Map.entry(rs.getString(1), facts);
			})
			.optional();
		if (row.isEmpty()) {
			return;
		}
		var unit = row.get().getKey();
		var facts = new ArrayList<>(row.get().getValue());
		jdbc.sql("""
				select id, (at at time zone 'Asia/Ho_Chi_Minh')::date from feedback_event
				where report_id = ? and kind = 'reopened' order by id""")
			.param(reportId)
			.query((rs, n) -> facts.add(new Fact(REOPENED + "#" + rs.getLong(1), REOPENED, rs.getObject(2, LocalDate.class), 1)))
			.list();
		// Facts on different days make separate events (an event carries one day).
		var byDay = new LinkedHashMap<LocalDate, Map<String, Long>>();
		for (var fact : facts) {
			int fresh = jdbc.sql("insert into feedback_metric (report_id, unit_code, fact) values (?, ?, ?) on conflict do nothing")
				.params(reportId, unit, fact.key()).update();
			if (fresh == 1 && fact.value() != 0) {
				byDay.computeIfAbsent(fact.day(), d -> new LinkedHashMap<>()).merge(fact.metric(), fact.value(), Long::sum);
			}
		}
		byDay.forEach((day, deltas) -> events.publishEvent(new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now())));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				with r as (
				  select unit_code, first_answer_due as due, first_rating as rating,
				         (created_at at time zone 'Asia/Ho_Chi_Minh')::date as received,
				         (first_answered_at at time zone 'Asia/Ho_Chi_Minh')::date as answered,
				         (first_closed_at at time zone 'Asia/Ho_Chi_Minh')::date as closed,
				         (first_rated_at at time zone 'Asia/Ho_Chi_Minh')::date as rated
				  from feedback_report)
				select unit_code, received, 'feedback.received', count(*) from r where received between :from and :to group by 1, 2
				union all
				select unit_code, answered, 'feedback.answered', count(*) from r where answered between :from and :to group by 1, 2
				union all
				select unit_code, answered, 'feedback.answered_on_time', count(*) from r
				  where answered between :from and :to and (due is null or answered <= due) group by 1, 2
				union all
				select unit_code, answered, 'feedback.answer_days_total', sum(answered - received) from r
				  where answered between :from and :to group by 1, 2
				union all
				select unit_code, closed, 'feedback.closed', count(*) from r where closed between :from and :to group by 1, 2
				union all
				select unit_code, rated, 'feedback.rated', count(*) from r where rated between :from and :to group by 1, 2
				union all
				select unit_code, rated, 'feedback.rated_satisfied', count(*) from r where rated between :from and :to and rating >= 4 group by 1, 2
				union all
				select unit_code, (at at time zone 'Asia/Ho_Chi_Minh')::date, 'feedback.reopened', count(*) from feedback_event
				  where kind = 'reopened' and (at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
			.list();
	}
}
