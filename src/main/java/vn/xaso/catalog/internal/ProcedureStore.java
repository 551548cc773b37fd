package vn.xaso.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.catalog.OnlineMode;
import vn.xaso.catalog.PageOf;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.ProcedureDraft;
import vn.xaso.catalog.ProcessingTime;

/**
 * SQL for the catalogue. Callers hold the transaction; rows are only ever inserted. The current
 * version of a code for a commune is the commune's newest own version if it has one, else the
 * newest national version; a code the commune hides ({@code catalog_procedure_hidden}) has no current
 * version there.
 */
@Component
public class ProcedureStore {

	private static final String COLUMNS = """
			id, code, version, unit_code, name, field, time_amount, time_kind, time_cutoff, fees::text as fees,
			papers::text as papers, form::text as form, online_mode, result_template, legal_basis, workflow, sources""";

	/** Newest visible version of each code for one commune (or the national view when :unit is ''). */
	private static final String CURRENT = """
			select distinct on (code) %s, search from catalog_procedure_version v
			where (v.unit_code is null or v.unit_code = :unit)
			  and not exists (select 1 from catalog_procedure_hidden h where h.unit_code = :unit and h.code = v.code)
			order by code, (unit_code is not null) desc, version desc""".formatted(COLUMNS);

	private final JdbcClient jdbc;

	ProcedureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises the national seed across replicas for the rest of the current transaction. */
	void lockSeed() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('xaso.catalog.seed'))").query((rs, n) -> 1).list();
	}

	public Optional<Procedure> current(@Nullable String unit, String code) {
		return jdbc.sql("select * from (" + CURRENT + ") c where code = :code")
			.param("unit", unit == null ? "" : unit)
			.param("code", code)
			.query(ProcedureStore::map)
			.optional();
	}

	public Optional<Procedure> version(long id) {
		return jdbc.sql("select " + COLUMNS + " from catalog_procedure_version where id = ?")
			.param(id)
			.query(ProcedureStore::map)
			.optional();
	}

	/** Every version of a code a commune can see (national ones and its own), newest first. */
	public List<Procedure> history(@Nullable String unit, String code) {
		return jdbc.sql("select " + COLUMNS + """
				 from catalog_procedure_version
				where code = :code and (unit_code is null or unit_code = :unit)
				order by version desc, (unit_code is not null) desc""")
			.param("unit", unit == null ? "" : unit)
			.param("code", code)
			.query(ProcedureStore::map)
			.list();
	}

	public PageOf<Procedure> search(@Nullable String unit, @Nullable String q, @Nullable String field, int page, int size) {
		var where = new ArrayList<String>();
		var words = q == null ? List.<String>of() : List.of(q.strip().split("\\s+"));
		var params = new java.util.LinkedHashMap<String, Object>();
		params.put("unit", unit == null ? "" : unit);
		int i = 0;
		for (var word : words) {
			var literal = vn.xaso.platform.SqlLike.escape(word);
			if (literal.isBlank()) {
				continue;
			}
			var name = "w" + i++;
			where.add("c.search like '%' || xaso_fold(:" + name + ") || '%'");
			params.put(name, literal);
		}
		if (field != null && !field.isBlank()) {
			where.add("xaso_fold(c.field) = xaso_fold(:field)");
			params.put("field", field.strip());
		}
		var filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		var total = bind(jdbc.sql("select count(*) from (" + CURRENT + ") c" + filter), params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		var items = bind(jdbc.sql("select * from (" + CURRENT + ") c" + filter
				+ " order by c.field, c.code limit :limit offset :offset"), params)
			.query(ProcedureStore::map)
			.list();
		return new PageOf<>(items, page, size, total);
	}

	/** The distinct fields (lĩnh vực) a commune sees, in Vietnamese order. */
	public List<String> fields(@Nullable String unit) {
		return jdbc.sql("select distinct field from (" + CURRENT + ") c order by field")
			.param("unit", unit == null ? "" : unit)
			.query(String.class)
			.list()
			.stream()
			.sorted(java.text.Collator.getInstance(Locale.forLanguageTag("vi-VN")))
			.toList();
	}

	/** Highest version number of a code visible to the unit (national or its own); 0 when unknown. */
	public int latestVersion(@Nullable String unit, String code) {
		return jdbc.sql("""
				select coalesce(max(version), 0) from catalog_procedure_version
				where code = :code and (unit_code is null or unit_code = :unit)""")
			.param("unit", unit == null ? "" : unit)
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	/** Content hash of the newest national version of a code, if any (for the idempotent seed). */
	public Optional<String> nationalHash(String code) {
		return jdbc.sql("""
				select content_hash from catalog_procedure_version where code = ? and unit_code is null
				order by version desc limit 1""")
			.param(code)
			.query(String.class)
			.optional();
	}

	/** Codes of the commune's own procedures that have no national version. */
	public List<String> localCodes(String unit) {
		return jdbc.sql("""
				select distinct code from catalog_procedure_version v where unit_code = ?
				and not exists (select 1 from catalog_procedure_version n where n.code = v.code and n.unit_code is null)""")
			.param(unit)
			.query(String.class)
			.list();
	}

	public boolean nationalExists(String code) {
		return jdbc.sql("select exists (select 1 from catalog_procedure_version where code = ? and unit_code is null)")
			.param(code)
			.query(Boolean.class)
			.single();
	}

	/** Inserts a new version; the caller has checked that the unit may publish. */
	public long insert(@Nullable String unit, int version, ProcedureDraft d, String actor) {
		return jdbc.sql("""
				insert into catalog_procedure_version (code, version, unit_code, name, field, time_amount, time_kind,
				  time_cutoff, fees, papers, form, online_mode, result_template, legal_basis, workflow, sources,
				  content_hash, published_by)
				values (:code, :version, :unit, :name, :field, :amount, :kind, :cutoff, cast(:fees as jsonb),
				  cast(:papers as jsonb), cast(:form as jsonb), :online, :template, :legal, :workflow, :sources, :hash, :actor)
				returning id""")
			.param("code", d.code())
			.param("version", version)
			.param("unit", unit)
			.param("name", d.name().strip())
			.param("field", d.field().strip())
			.param("amount", d.processingTime().amount())
			.param("kind", d.processingTime().kind().name())
			.param("cutoff", Time.valueOf(d.processingTime().cutoff()))
			.param("fees", CatalogJson.fees(d.fees()))
			.param("papers", CatalogJson.papers(d.papers()))
			.param("form", CatalogJson.form(d.form()))
			.param("online", d.onlineMode().name())
			.param("template", d.resultTemplate())
			.param("legal", d.legalBasis())
			.param("workflow", d.workflow())
			.param("sources", d.sources())
			.param("hash", hash(d))
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	/** SHA-256 of a draft's content, to tell whether a seed entry changed. */
	public static String hash(ProcedureDraft d) {
		var text = String.join("\u0001", d.code(), d.name(), d.field(), d.processingTime().toString(),
				CatalogJson.fees(d.fees()), CatalogJson.papers(d.papers()), CatalogJson.form(d.form()),
				d.onlineMode().name(), d.resultTemplate(), d.legalBasis(), d.workflow(), d.sources());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, java.util.Map<String, Object> params) {
		var s = spec;
		for (var e : params.entrySet()) {
			s = s.param(e.getKey(), e.getValue());
		}
		return s;
	}

	static Procedure map(ResultSet rs, int row) throws SQLException {
		var form = CatalogJson.form(rs.getString("form"));
		return new Procedure(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
				rs.getString("field"),
				new ProcessingTime(rs.getInt("time_amount"), ProcessingTime.Kind.valueOf(rs.getString("time_kind")),
						rs.getTime("time_cutoff").toLocalTime()),
				CatalogJson.fees(rs.getString("fees")), CatalogJson.papers(rs.getString("papers")), form,
				OnlineMode.valueOf(rs.getString("online_mode")), rs.getString("result_template"),
				rs.getString("legal_basis"), rs.getString("workflow"), rs.getString("sources"), rs.getString("unit_code"));
	}
}
