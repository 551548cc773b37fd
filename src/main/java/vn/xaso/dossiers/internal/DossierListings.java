package vn.xaso.dossiers.internal;

import static vn.xaso.dossiers.internal.DossierTable.instant;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierStats;
import vn.xaso.dossiers.DossierSummary;
import vn.xaso.dossiers.Timeliness;

/**
 * The only SQL that lists, shows or counts dossiers ({@code dossier}, and {@code dossier_book_entry} in the counts):
 * the citizen's list, the officials' queues, one dossier's full view, the tracking book, the dashboard counts and
 * the public verification of a signed result, the results waiting for the seal.
 */
@Component
class DossierListings {

	/** One line of a list, before its labels: state, due date, result and workflow decide its timeliness. */
	record Line(long id, @Nullable String code, String procedureCode, String procedureName, String applicantName, Channel channel,
			String state, @Nullable Instant submittedAt, @Nullable LocalDate dueDate, @Nullable String assigneeName, String workflow,
			@Nullable Instant resultAt) {
	}

	/** A line of the tracking book, its state not yet labelled. */
	record BookLine(String code, String procedure, String applicant, @Nullable Instant received, @Nullable LocalDate due,
			@Nullable String assignee, @Nullable Instant result, @Nullable Instant returned, String state, @Nullable String returnMethod,
			@Nullable String postTracking) {
	}

	private static final String LINE = """
			select id, code, procedure_code, procedure_name, applicant_name, channel, state, submitted_at, due_date, assignee_name,
			       workflow, result_at
			from dossier""";

	private final JdbcClient jdbc;

	DossierListings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long countMine(long citizenId) {
		return jdbc.sql("select count(*) from dossier where citizen_id = ? or submitted_by_citizen = ?").params(citizenId, citizenId)
			.query(Long.class).single();
	}

	List<DossierSummary> mine(long citizenId, int limit, long offset, Function<Line, DossierSummary> label) {
		return jdbc.sql(LINE + " where citizen_id = ? or submitted_by_citizen = ? order by id desc limit ? offset ?")
			.params(citizenId, citizenId, limit, offset).query((rs, n) -> label.apply(line(rs))).list();
	}

	/** {@code where} and {@code order} are built from fixed fragments by {@link FindingDossiers}; values are parameters. */
	long count(String where, List<Object> params) {
		return jdbc.sql("select count(*) from dossier" + where).params(params).query(Long.class).single();
	}

	List<DossierSummary> page(String where, String order, List<Object> params, int limit, long offset,
			Function<Line, DossierSummary> label) {
		var all = new ArrayList<>(params);
		all.add(limit);
		all.add(offset);
		return jdbc.sql(LINE + where + order + " limit ? offset ?").params(all).query((rs, n) -> label.apply(line(rs))).list();
	}

	/** The dossier without its timeline and files, labels and timeliness (filled in by {@link DossierViews}). */
	Optional<Dossier> view(long id) {
		return jdbc.sql("""
				select id, unit_code, code, procedure_code, procedure_version_id, procedure_name, channel, citizen_id, applicant_name,
				       applicant_cccd, applicant_phone, applicant_email, applicant_address, assisted_by, consent_by, consent_method,
				       consent_at, consent_reference, form::text, state, version, submitted_at, received_at, due_date, paused_at,
				       paused_days_left, assignee_name, result_at, returned_at, return_method, post_tracking, fee_vnd, bill_id,
				       paid_at is not null, paid_online, rating, rating_comment, verify_token, workflow
				from dossier where id = ?""").param(id).query((rs, n) -> {
			var consent = rs.getString(15) == null ? null
					: new Consent(rs.getString(15), Consent.Method.valueOf(rs.getString(16)), rs.getTimestamp(17).toInstant(),
							rs.getString(18) == null ? "" : rs.getString(18));
			return new Dossier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
					Channel.valueOf(rs.getString(7)), rs.getObject(8, Long.class),
					new Applicant(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)),
					rs.getString(14), consent, DossierTable.form(rs.getString(19)), rs.getString(20), "", rs.getLong(21), instant(rs, 22),
					instant(rs, 23), rs.getObject(24, LocalDate.class), instant(rs, 25), rs.getObject(26, Integer.class), rs.getString(27),
					instant(rs, 28), instant(rs, 29), rs.getString(30), rs.getString(31), rs.getLong(32), rs.getObject(33, Long.class),
					rs.getBoolean(34), rs.getBoolean(35), rs.getObject(36, Integer.class), rs.getString(37), rs.getString(38),
					Timeliness.NONE, List.of(), List.of());
		}).optional();
	}

	List<BookLine> book(String unitCode, Instant from, Instant until) {
		return jdbc.sql("""
				select code, procedure_name, applicant_name, coalesce(received_at, submitted_at), due_date, assignee_name, result_at,
				       returned_at, state, return_method, post_tracking
				from dossier where unit_code = ? and state <> 'draft' and not test and submitted_at >= ? and submitted_at < ?
				order by submitted_at, id""")
			.params(unitCode, Timestamp.from(from), Timestamp.from(until))
			.query((rs, n) -> new BookLine(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
					rs.getObject(5, LocalDate.class), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getString(9), rs.getString(10),
					rs.getString(11)))
			.list();
	}

	DossierStats stats(String unitCode, Instant from, Instant until) {
		return jdbc.sql("""
				select count(*),
				       count(*) filter (where channel in ('ONLINE', 'ASSISTED')),
				       count(*) filter (where result_at is not null and state in ('approved', 'result_ready', 'returned')),
				       count(*) filter (where result_at is not null and due_date is not null and state in ('approved', 'result_ready', 'returned')
				                        and (result_at at time zone 'Asia/Ho_Chi_Minh')::date <= due_date),
				       count(*) filter (where paid_online),
				       count(*) filter (where digitised),
				       count(*) filter (where rating is not null),
				       count(*) filter (where rating >= 4)
				from (select channel, result_at, due_date, state, paid_online, digitised, rating
				      from dossier where unit_code = :unit and state <> 'draft' and not test and submitted_at >= :start and submitted_at < :end
				      union all -- lines carried over from the paper tracking book (TrackingBookImport)
				      select 'COUNTER', (result_date + time '12:00') at time zone 'Asia/Ho_Chi_Minh', due_date,
				             case when result_date is null then 'in_progress' else 'result_ready' end, false, false, null::int
				      from dossier_book_entry where unit_code = :unit and received_at >= :start and received_at < :end) d""")
			.param("unit", unitCode).param("start", Timestamp.from(from)).param("end", Timestamp.from(until))
			.query((rs, n) -> new DossierStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getLong(7), rs.getLong(8)))
			.single();
	}

	/** The unit's signed results still without the commune's seal ({@code dossier_result}), oldest signature first. */
	List<vn.xaso.dossiers.Results.AwaitingSeal> awaitingSeal(String unitCode) {
		return jdbc.sql("""
				select d.id, d.code, d.procedure_name, d.applicant_name, d.result_signed_at from dossier d
				left join dossier_result r on r.dossier_id = d.id
				where d.unit_code = ? and d.state in ('approved', 'result_ready') and d.result_pdf is not null and r.sealed_at is null
				order by d.result_signed_at nulls last, d.id limit 200""").param(unitCode)
			.query((rs, n) -> new vn.xaso.dossiers.Results.AwaitingSeal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5)))
			.list();
	}

	private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Channel.valueOf(rs.getString(6)),
				rs.getString(7), instant(rs, 8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11), instant(rs, 12));
	}
}
