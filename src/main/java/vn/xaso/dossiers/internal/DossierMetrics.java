package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The dossiers' daily counters for the indicators (QĐ 766/QĐ-TTg service index and others).
 * After every recorded action the dossier's facts are compared with those already reported
 * ({@code dossier_metric}); newly true facts are published as one {@link MetricEvent} in the same
 * transaction, dated the way the recount dates them. {@link #recount} counts the same from the
 * dossier table. Test dossiers ({@link TestDossierMarks}) count nowhere.
 */
@Component
public class DossierMetrics implements MetricSource {

	public static final String SUBMITTED = "dossiers.submitted";
	/** Submitted online by the citizen or for them by the community team. */
	public static final String SUBMITTED_ONLINE = "dossiers.submitted_online";
	/** Received at the counter with its papers scanned. */
	public static final String DIGITISED = "dossiers.digitised";
	public static final String RESOLVED = "dossiers.resolved";
	public static final String RESOLVED_ON_TIME = "dossiers.resolved_on_time";
	/** Resolved with a digitally signed electronic result. */
	public static final String RESULT_ELECTRONIC = "dossiers.result_electronic";
	public static final String PAID = "dossiers.paid";
	public static final String PAID_ONLINE = "dossiers.paid_online";
	public static final String RATED = "dossiers.rated";
	public static final String RATED_SATISFIED = "dossiers.rated_satisfied";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	DossierMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(SUBMITTED, SUBMITTED_ONLINE, DIGITISED, RESOLVED, RESOLVED_ON_TIME, RESULT_ELECTRONIC, PAID, PAID_ONLINE, RATED,
				RATED_SATISFIED);
	}

	private record Fact(String metric, LocalDate day) {
	}

	/** Reports the dossier's newly true facts. Call inside the transaction that changed it. */
	void report(long dossierId) {
		var row = facts(dossierId);
		if (row.isEmpty()) {
			return;
		}
		var unit = row.get().getKey();
		// Facts on different days make separate events (an event carries one day).
		var byDay = new LinkedHashMap<LocalDate, Map<String, Long>>();
		for (var fact : row.get().getValue()) {
			int fresh = jdbc.sql("insert into dossier_metric (dossier_id, unit_code, fact) values (?, ?, ?) on conflict do nothing")
				.params(dossierId, unit, fact.metric()).update();
			if (fresh == 1) {
				byDay.computeIfAbsent(fact.day(), d -> new LinkedHashMap<>()).put(fact.metric(), 1L);
			}
		}
		byDay.forEach((day, deltas) -> events.publishEvent(new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now())));
	}

	/**
	 * The facts a new submission makes true — submitted, online (not at the counter), digitised — reported now as one
	 * event for its day, as {@link #report} would find them once it is stored; returns them, to be marked reported
	 * ({@code dossier_metric}) in the statement that stores the dossier ({@link NumberTable}), so that
	 * {@link #report} never reports them again.
	 */
	List<String> reportSubmitted(String unitCode, LocalDate day, vn.xaso.dossiers.Channel channel, boolean digitised) {
		var facts = new ArrayList<String>(3);
		facts.add(SUBMITTED);
		if (channel != vn.xaso.dossiers.Channel.COUNTER) {
			facts.add(SUBMITTED_ONLINE);
		}
		if (digitised) {
			facts.add(DIGITISED);
		}
		var deltas = new LinkedHashMap<String, Long>();
		facts.forEach(f -> deltas.put(f, 1L));
		events.publishEvent(new MetricEvent(UUID.randomUUID(), unitCode, day, deltas, Instant.now()));
		return facts;
	}

	/**
	 * Takes back what was reported for a dossier that is about to be deleted (a test dossier removed before
	 * going live): each reported fact −1 on its day, so the kept counters match a recount. Call inside the
	 * transaction that deletes it, before the delete.
	 */
	void withdraw(long dossierId) {
		var row = facts(dossierId);
		if (row.isEmpty()) {
			return;
		}
		var unit = row.get().getKey();
		var byDay = new LinkedHashMap<LocalDate, Map<String, Long>>();
		for (var fact : row.get().getValue()) {
			int reported = jdbc.sql("delete from dossier_metric where dossier_id = ? and fact = ?").params(dossierId, fact.metric()).update();
			if (reported == 1) {
				byDay.computeIfAbsent(fact.day(), d -> new LinkedHashMap<>()).put(fact.metric(), -1L);
			}
		}
		jdbc.sql("delete from dossier_metric where dossier_id = ?").param(dossierId).update();
		byDay.forEach((day, deltas) -> events.publishEvent(new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now())));
	}

	private java.util.Optional<Map.Entry<String, List<Fact>>> facts(long dossierId) {
		return jdbc.sql("""
				select unit_code,
				       (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, channel, digitised,
				       (result_at at time zone 'Asia/Ho_Chi_Minh')::date, due_date, result_pdf is not null and result_signed_by is not null,
				       (paid_at at time zone 'Asia/Ho_Chi_Minh')::date, paid_online,
				       (rated_at at time zone 'Asia/Ho_Chi_Minh')::date, rating
				from dossier where id = ? and state <> 'draft' and not test""")
			.param(dossierId)
			.query((rs, n) -> {
				var facts = new ArrayList<Fact>();
				var submitted = rs.getObject(2, LocalDate.class);
				if (submitted != null) {
					facts.add(new Fact(SUBMITTED, submitted));
					if (!"COUNTER".equals(rs.getString(3))) {
						facts.add(new Fact(SUBMITTED_ONLINE, submitted));
					}
					if (rs.getBoolean(4)) {
						facts.add(new Fact(DIGITISED, submitted));
					}
				}
				var resolved = rs.getObject(5, LocalDate.class);
				if (resolved != null) {
					facts.add(new Fact(RESOLVED, resolved));
					var due = rs.getObject(6, LocalDate.class);
					if (due == null || !resolved.isAfter(due)) {
						facts.add(new Fact(RESOLVED_ON_TIME, resolved));
					}
					if (rs.getBoolean(7)) {
						facts.add(new Fact(RESULT_ELECTRONIC, resolved));
					}
				}
				var paid = rs.getObject(8, LocalDate.class);
				if (paid != null) {
					facts.add(new Fact(PAID, paid));
					if (rs.getBoolean(9)) {
						facts.add(new Fact(PAID_ONLINE, paid));
					}
				}
				var rated = rs.getObject(10, LocalDate.class);
				if (rated != null) {
					facts.add(new Fact(RATED, rated));
					if (rs.getInt(11) >= 4) {
						facts.add(new Fact(RATED_SATISFIED, rated));
					}
				}
				return Map.<String, List<Fact>>entry(rs.getString(1), facts);
			})
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				with d as (
				  select unit_code, channel, digitised, due_date, rating,
				         result_pdf is not null and result_signed_by is not null as e_result, paid_online,
				         (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as submitted,
				         (result_at at time zone 'Asia/Ho_Chi_Minh')::date as resolved,
				         (paid_at at time zone 'Asia/Ho_Chi_Minh')::date as paid,
				         (rated_at at time zone 'Asia/Ho_Chi_Minh')::date as rated
				  from dossier where state <> 'draft' and not test)
				select unit_code, submitted, 'dossiers.submitted', count(*) from d where submitted between :from and :to group by 1, 2
				union all
				select unit_code, submitted, 'dossiers.submitted_online', count(*) from d
				  where submitted between :from and :to and channel <> 'COUNTER' group by 1, 2
				union all
				select unit_code, submitted, 'dossiers.digitised', count(*) from d where submitted between :from and :to and digitised group by 1, 2
				union all
				select unit_code, resolved, 'dossiers.resolved', count(*) from d where resolved between :from and :to group by 1, 2
				union all
				select unit_code, resolved, 'dossiers.resolved_on_time', count(*) from d
				  where resolved between :from and :to and (due_date is null or resolved <= due_date) group by 1, 2
				union all
				select unit_code, resolved, 'dossiers.result_electronic', count(*) from d where resolved between :from and :to and e_result group by 1, 2
				union all
				select unit_code, paid, 'dossiers.paid', count(*) from d where paid between :from and :to group by 1, 2
				union all
				select unit_code, paid, 'dossiers.paid_online', count(*) from d where paid between :from and :to and paid_online group by 1, 2
				union all
				select unit_code, rated, 'dossiers.rated', count(*) from d where rated between :from and :to group by 1, 2
				union all
				select unit_code, rated, 'dossiers.rated_satisfied', count(*) from d where rated between :from and :to and rating >= 4 group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
			.list();
	}
}
