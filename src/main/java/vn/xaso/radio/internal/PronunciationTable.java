package vn.xaso.radio.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.radio.Pronunciations.Entry;

/** SQL of {@code radio_pronunciation}; the caller runs it in a transaction scoped to the commune (row-level security). */
@Repository
public class PronunciationTable {

	private final JdbcClient jdbc;

	PronunciationTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> list(String unit) {
		return jdbc.sql("select id, written, spoken, updated_by from radio_pronunciation where unit_code = :u order by lower(written), written")
			.param("u", unit).query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	public Optional<Entry> find(String unit, String written) {
		return jdbc.sql("select id, written, spoken, updated_by from radio_pronunciation where unit_code = :u and written = :w")
			.param("u", unit).param("w", written)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
	}

	public long count(String unit) {
		return jdbc.sql("select count(*) from radio_pronunciation where unit_code = :u").param("u", unit).query(Long.class).single();
	}

	public long upsert(String unit, String written, String spoken, String actor) {
		return jdbc.sql("""
				insert into radio_pronunciation (unit_code, written, spoken, updated_by) values (:u, :w, :s, :a)
				on conflict (unit_code, written) do update set spoken = excluded.spoken, updated_by = excluded.updated_by, updated_at = now()
				returning id""")
			.param("u", unit).param("w", written).param("s", spoken).param("a", actor).query(Long.class).single();
	}

	public Optional<Entry> delete(String unit, long id) {
		return jdbc.sql("delete from radio_pronunciation where unit_code = :u and id = :id returning id, written, spoken, updated_by")
			.param("u", unit).param("id", id)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
	}
}
