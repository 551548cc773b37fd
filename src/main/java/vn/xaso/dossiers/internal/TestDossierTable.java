package vn.xaso.dossiers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of test dossiers ({@code dossier.test}): locking one to mark, listing the ones that may still be removed.
 * Only a dossier flagged {@code test} is ever listed here — a real dossier never is, whatever ids a form sends; marking
 * and removing are {@link DossierTable}'s (the one writer of {@code dossier}). Callers run it in the commune's scope and
 * in a transaction.
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
}
