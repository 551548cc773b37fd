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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The dossiers' daily counters for the indicators (QĐ 766/QĐ-TTg service index and others).
 * After every recorded action the dossier's facts are compared with those already reported
 * ({@code dossier_metric}); newly true facts are published as one {@link MetricEvent} in the same
 * transaction, dated the way the recount dates them. {@link #recount} counts the same from the
 * dossier table. Its SQL is in {@link MetricTable}. Test dossiers ({@link TestDossierMarks}) count nowhere.
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

	private final MetricTable table;
	private final ApplicationEventPublisher events;

	DossierMetrics(MetricTable table, ApplicationEventPublisher events) {
		this.table = table;
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
			if (table.markReported(dossierId, unit, fact.metric())) {
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
			if (table.unmark(dossierId, fact.metric())) {
				byDay.computeIfAbsent(fact.day(), d -> new LinkedHashMap<>()).put(fact.metric(), -1L);
			}
		}
		table.unmarkAll(dossierId);
		byDay.forEach((day, deltas) -> events.publishEvent(new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now())));
	}

	private java.util.Optional<Map.Entry<String, List<Fact>>> facts(long dossierId) {
		return table.facts(dossierId).map(row -> {
			var facts = new ArrayList<Fact>();
			var submitted = row.submitted();
			if (submitted != null) {
				facts.add(new Fact(SUBMITTED, submitted));
				if (!"COUNTER".equals(row.channel())) {
					facts.add(new Fact(SUBMITTED_ONLINE, submitted));
				}
				if (row.digitised()) {
					facts.add(new Fact(DIGITISED, submitted));
				}
			}
			var resolved = row.resolved();
			if (resolved != null) {
				facts.add(new Fact(RESOLVED, resolved));
				var due = row.due();
				if (due == null || !resolved.isAfter(due)) {
					facts.add(new Fact(RESOLVED_ON_TIME, resolved));
				}
				if (row.electronicResult()) {
					facts.add(new Fact(RESULT_ELECTRONIC, resolved));
				}
			}
			var paid = row.paid();
			if (paid != null) {
				facts.add(new Fact(PAID, paid));
				if (row.paidOnline()) {
					facts.add(new Fact(PAID_ONLINE, paid));
				}
			}
			var rated = row.rated();
			if (rated != null) {
				facts.add(new Fact(RATED, rated));
				if (row.rating() >= 4) {
					facts.add(new Fact(RATED_SATISFIED, rated));
				}
			}
			return Map.<String, List<Fact>>entry(row.unitCode(), facts);
		});
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		return table.recount(from, to);
	}
}
