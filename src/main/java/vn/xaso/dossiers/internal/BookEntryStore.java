package vn.xaso.dossiers.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for {@code dossier_book_entry}: lines of the paper tracking book, insert-only. Callers hold the scope. */
@Component
public class BookEntryStore {

	/** An imported line as shown on the settings page (read-only). */
	public record Entry(String code, String procedure, String applicant, Instant received, @Nullable LocalDate due,
			@Nullable LocalDate result, @Nullable LocalDate returned) {
	}

	private final JdbcClient jdbc;

	BookEntryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<String> importedCodes(String unit, Collection<String> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select code from dossier_book_entry where unit_code = :unit and code in (:codes)")
			.param("unit", unit).param("codes", codes).query(String.class).list());
	}

	/** Codes among these that are XaSo's own dossiers of the commune. */
	Set<String> dossierCodes(String unit, Collection<String> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select code from dossier where unit_code = :unit and code in (:codes)")
			.param("unit", unit).param("codes", codes).query(String.class).list());
	}

	/** Inserts a line; false when the commune already has a line with this code (a re-import). */
	boolean insert(String unit, BookFile.Row r, Instant received, @Nullable LocalDate due, @Nullable LocalDate result,
			@Nullable LocalDate returned, String actor) {
		return jdbc.sql("""
				insert into dossier_book_entry (unit_code, code, procedure_name, applicant_name, received_at, due_date, handed_to,
				  result_date, returned_date, note, imported_by)
				values (:unit, :code, :procedure, :applicant, :received, :due, :handed, :result, :returned, :note, :actor)
				on conflict (unit_code, code) do nothing""")
			.param("unit", unit)
			.param("code", r.code())
			.param("procedure", r.procedure())
			.param("applicant", r.applicant())
			.param("received", Timestamp.from(received))
			.param("due", due)
			.param("handed", r.handedTo().isBlank() ? null : r.handedTo())
			.param("result", result)
			.param("returned", returned)
			.param("note", r.note())
			.param("actor", actor)
			.update() > 0;
	}

	List<Entry> entries(String unit, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				select code, procedure_name, applicant_name, received_at, due_date, result_date, returned_date
				from dossier_book_entry where unit_code = ? and received_at >= ? and received_at < ?
				order by received_at desc, id desc limit ?""")
			.params(unit, start(from), start(to), limit)
			.query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
			.list();
	}

	long count(String unit, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from dossier_book_entry where unit_code = ? and received_at >= ? and received_at < ?")
			.params(unit, start(from), start(to))
			.query(Long.class)
			.single();
	}

	private static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(Sla.VIETNAM).toInstant());
	}
}
