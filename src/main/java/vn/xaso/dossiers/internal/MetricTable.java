package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.platform.metrics.MetricSource.MetricCount;

/**
 * The only SQL of the dossiers' counters: which facts were reported ({@code dossier_metric}), a dossier's facts as
 * the counters date them, and the recount from the {@code dossier} table.
 */
@Component
class MetricTable {

	/** What a dossier's counters read: Vietnam-local days, null when the step has not happened. */
	record Facts(String unitCode, @Nullable LocalDate submitted, String channel, boolean digitised, @Nullable LocalDate resolved,
			@Nullable LocalDate due, boolean electronicResult, @Nullable LocalDate paid, boolean paidOnline, @Nullable LocalDate rated,
			int rating) {
	}

	/** The reported facts of a dossier {@code d} numbered by {@link NumberTable}: the part {@code m} of its one statement. */
	static final String FIRST_FACTS = """
			m as (
			  insert into dossier_metric (dossier_id, unit_code, fact) select d.id, :unit, x.fact from d, unnest(:facts::text[]) as x(fact))
			""";

	private final JdbcClient jdbc;

	MetricTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks {@code fact} reported for the dossier; false when it already was. */
	boolean markReported(long dossierId, String unitCode, String fact) {
		return jdbc.sql("insert into dossier_metric (dossier_id, unit_code, fact) values (?, ?, ?) on conflict do nothing")
			.params(dossierId, unitCode, fact).update() == 1;
	}

	/** Takes back {@code fact} for the dossier; false when it was not reported. */
	boolean unmark(long dossierId, String fact) {
		return jdbc.sql("delete from dossier_metric where dossier_id = ? and fact = ?").params(dossierId, fact).update() == 1;
	}

	void unmarkAll(long dossierId) {
		jdbc.sql("delete from dossier_metric where dossier_id = ?").param(dossierId).update();
	}

	/** The dossier's facts, empty for a draft, a test dossier or none. */
	Optional<Facts> facts(long dossierId) {
		return jdbc.sql("""
				select unit_code,
				       (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, channel, digitised,
				       (result_at at time zone 'Asia/Ho_Chi_Minh')::date, due_date, result_pdf is not null and result_signed_by is not null,
				       (paid_at at time zone 'Asia/Ho_Chi_Minh')::date, paid_online,
				       (rated_at at time zone 'Asia/Ho_Chi_Minh')::date, rating
				from dossier where id = ? and state <> 'draft' and not test""")
			.param(dossierId)
			.query((rs, n) -> new Facts(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBoolean(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBoolean(7), rs.getObject(8, LocalDate.class),
					rs.getBoolean(9), rs.getObject(10, LocalDate.class), rs.getInt(11)))
			.optional();
	}

	/** The counters recounted from the dossier table for {@code from}–{@code to}. */
	List<MetricCount> recount(LocalDate from, LocalDate to) {
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
