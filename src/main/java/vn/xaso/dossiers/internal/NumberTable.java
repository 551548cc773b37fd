package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only SQL of dossier numbering: the commune's daily sequence ({@code dossier_sequence}) and its agency code
 * ({@code dossier_agency}), the two parts of {@code <agency>-YYMMDD-NNNN}.
 */
@Component
class NumberTable {

	/** The last daily number the {@code dossier_sequence} check allows (5 digits). */
	static final int LAST_DAILY_NUMBER = 99_999;

	private final JdbcClient jdbc;

	NumberTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The unit's next number of the day (row lock until commit; a rollback gives the number back), or empty when the
	 * day's numbers are used up.
	 */
	OptionalInt next(String unitCode, LocalDate day) {
		return jdbc.sql("""
				insert into dossier_sequence (unit_code, day, last_number) values (?, ?, 1)
				on conflict (unit_code, day) do update set last_number = dossier_sequence.last_number + 1
				where dossier_sequence.last_number < ?
				returning last_number""")
			.params(unitCode, day, LAST_DAILY_NUMBER).query(Integer.class).optional().map(OptionalInt::of).orElse(OptionalInt.empty());
	}

	java.util.Optional<String> agencyCode(String unitCode) {
		return jdbc.sql("select agency_code from dossier_agency where unit_code = ?").param(unitCode).query(String.class).optional();
	}

	/** Whether another unit uses the code (run system-wide). */
	boolean takenElsewhere(String agencyCode, String unitCode) {
		return jdbc.sql("select count(*) from dossier_agency where agency_code = ? and unit_code <> ?").params(agencyCode, unitCode)
			.query(Long.class).single() > 0;
	}

	void setAgencyCode(String unitCode, String agencyCode, String by) {
		jdbc.sql("""
				insert into dossier_agency (unit_code, agency_code, updated_by) values (?, ?, ?)
				on conflict (unit_code) do update set agency_code = excluded.agency_code, updated_by = excluded.updated_by, updated_at = now()""")
			.params(unitCode, agencyCode, by).update();
	}
}
