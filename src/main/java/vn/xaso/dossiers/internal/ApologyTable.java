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

	/** Removes a test dossier's slips before the dossier itself ({@link TestDossierRemoval}). */
	void deleteOf(long dossierId) {
		jdbc.sql("delete from dossier_apology where dossier_id = ?").param(dossierId).update();
	}

	Optional<byte[]> last(long dossierId) {
		return jdbc.sql("select pdf from dossier_apology where dossier_id = ? order by id desc limit 1").param(dossierId)
			.query(byte[].class).optional();
	}
}
