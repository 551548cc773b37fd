package vn.xaso.dossiers.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import vn.xaso.platform.Json;

/**
 * The only SQL of results filled before signing ({@code dossier_result}: the specialist's entries, the register
 * entry, the seal) and of the commune's civil-status registers ({@code civil_status_register}: last number per
 * register and year).
 */
@Component
class ResultTable {

	private static final TypeReference<TreeMap<String, String>> FIELDS = new TypeReference<>() {
	};

	/** The entry in a civil-status register, and who sealed the result. */
	record Register(@Nullable String book, @Nullable Integer year, @Nullable Integer number, @Nullable String sealedBy) {

		static final Register NONE = new Register(null, null, null, null);
	}

	private final JdbcClient jdbc;

	ResultTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The specialist's entries (field → value), empty when nothing was filled. */
	Map<String, String> entries(long dossierId) {
		return jdbc.sql("select fields::text from dossier_result where dossier_id = ?").param(dossierId).query(String.class).optional()
			.filter(t -> !t.isBlank()).<Map<String, String>>map(t -> Json.MAPPER.readValue(t, FIELDS)).orElse(Map.of());
	}

	void saveEntries(long dossierId, String unitCode, Map<String, String> entries, String by) {
		jdbc.sql("""
				insert into dossier_result (dossier_id, unit_code, fields, filled_by, filled_at) values (?, ?, ?::jsonb, ?, now())
				on conflict (dossier_id) do update set fields = excluded.fields, filled_by = excluded.filled_by, filled_at = now()""")
			.params(dossierId, unitCode, Json.MAPPER.writeValueAsString(new TreeMap<>(entries)), by).update();
	}

	Register register(long dossierId) {
		return jdbc.sql("select register_book, register_year, register_number, sealed_by from dossier_result where dossier_id = ?")
			.param(dossierId)
			.query((rs, n) -> new Register(rs.getString(1), rs.getObject(2, Integer.class), rs.getObject(3, Integer.class), rs.getString(4)))
			.optional().orElse(Register.NONE);
	}

	Optional<Integer> registerNumber(long dossierId) {
		return Optional.ofNullable(register(dossierId).number());
	}

	/**
	 * The next number of the commune's register {@code book} for {@code year}, written on the dossier's entry. The
	 * register row's lock serialises concurrent entries: numbers have no gaps and never repeat.
	 */
	int takeNumber(long dossierId, String unitCode, String book, int year) {
		int number = jdbc.sql("""
				insert into civil_status_register (unit_code, book, year, last_number) values (?, ?, ?, 1)
				on conflict (unit_code, book, year) do update set last_number = civil_status_register.last_number + 1
				returning last_number""").params(unitCode, book, year).query(Integer.class).single();
		jdbc.sql("""
				insert into dossier_result (dossier_id, unit_code, register_book, register_year, register_number) values (?, ?, ?, ?, ?)
				on conflict (dossier_id) do update set register_book = excluded.register_book, register_year = excluded.register_year,
				       register_number = excluded.register_number""").params(dossierId, unitCode, book, year, number).update();
		return number;
	}

	boolean sealed(long dossierId) {
		return jdbc.sql("select sealed_at is not null from dossier_result where dossier_id = ?").param(dossierId)
			.query(Boolean.class).optional().orElse(false);
	}

	void markSealed(long dossierId, String unitCode, String by) {
		jdbc.sql("""
				insert into dossier_result (dossier_id, unit_code, sealed_by, sealed_at) values (?, ?, ?, now())
				on conflict (dossier_id) do update set sealed_by = excluded.sealed_by, sealed_at = now()""")
			.params(dossierId, unitCode, by).update();
	}
}
