package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only SQL of the apology and new-appointment slips ({@code dossier_apology}). */
@Component
class ApologyTable {

	private final JdbcClient jdbc;

	ApologyTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String unitCode, long dossierId, LocalDate oldDue, LocalDate newDue, String reason, byte[] pdf,
			String by) {
		jdbc.sql("insert into dossier_apology (unit_code, dossier_id, old_due, new_due, reason, pdf, created_by) values (?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, dossierId, oldDue, newDue, reason, pdf, by).update();
	}

	Optional<byte[]> last(long dossierId) {
		return jdbc.sql("select pdf from dossier_apology where dossier_id = ? order by id desc limit 1").param(dossierId)
			.query(byte[].class).optional();
	}
}
