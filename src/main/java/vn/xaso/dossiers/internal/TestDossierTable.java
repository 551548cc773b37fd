package vn.xaso.dossiers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of test dossiers ({@code dossier.test}): marking one, listing the ones that may still be removed, and
 * removing them. Only a dossier flagged {@code test} is ever listed or removed here — a real dossier never is,
 * whatever ids a form sends. Callers run it in the commune's scope and in a transaction.
 */
@Component
class TestDossierTable {

	/** A test dossier that may still be removed: submitted since {@code :since}, no bill, payment or result yet. */
	private static final String REMOVABLE = """
			unit_code = :unit and test and submitted_at is not null and submitted_at >= :since
			and bill_id is null and paid_at is null and result_signed_at is null and returned_at is null
			and state not in ('approved', 'result_ready', 'returned')""";

	/** A removable test dossier as the removal needs it. */
	record Removable(long id, String code, String procedure) {
	}

	private final JdbcClient jdbc;

	TestDossierTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks a dossier of the commune that is not marked yet; false when it is marked already or not the commune's. */
	boolean lockUnmarked(String unitCode, long dossierId) {
		return jdbc.sql("select id from dossier where id = ? and unit_code = ? and not test for update")
			.params(dossierId, unitCode).query(Long.class).optional().isPresent();
	}

	void mark(String unitCode, long dossierId) {
		jdbc.sql("update dossier set test = true where id = ? and unit_code = ?").params(dossierId, unitCode).update();
	}

	List<TestDossierRemoval.Candidate> removable(String unitCode, Instant since, int limit) {
		return jdbc.sql("select id, code, procedure_name, applicant_name, state, submitted_at from dossier where " + REMOVABLE
				+ " order by submitted_at desc, id desc limit :limit")
			.param("unit", unitCode)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> new TestDossierRemoval.Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Locks the commune's dossiers among {@code ids} (whatever they are) and returns how many there are. */
	int lockChosen(String unitCode, Collection<Long> ids) {
		return jdbc.sql("select id from dossier where unit_code = :unit and id in (:ids) for update")
			.param("unit", unitCode).param("ids", ids).query(Long.class).list().size();
	}

	/** The removable test dossiers among {@code ids} (locked before by {@link #lockChosen}). */
	List<Removable> removableAmong(String unitCode, Instant since, Collection<Long> ids) {
		return jdbc.sql("select id, code, procedure_name from dossier where " + REMOVABLE + " and id in (:ids)")
			.param("unit", unitCode).param("since", Timestamp.from(since)).param("ids", ids)
			.query((rs, n) -> new Removable(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Deletes a test dossier (its files, timeline and the like go with it by foreign key); never a real one. */
	int delete(String unitCode, long dossierId) {
		jdbc.sql("delete from dossier_apology where dossier_id = ?").param(dossierId).update();
		return jdbc.sql("delete from dossier where id = ? and unit_code = ? and test").params(dossierId, unitCode).update();
	}
}
