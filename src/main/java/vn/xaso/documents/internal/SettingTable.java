package vn.xaso.documents.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of a commune's document settings: the table {@code document_setting}. */
@Component("documentSettingTable")
class SettingTable {

	/** The abbreviations in symbols such as {@code 05/TB-UBND}: the agency's and its office's. */
	record Abbreviations(String agency, String office) {
	}

	private final JdbcClient jdbc;

	SettingTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code UBND} and {@code VP} unless the commune set its own. */
	Abbreviations abbreviations(String unitCode) {
		return jdbc.sql("select agency_abbr, office_abbr from document_setting where unit_code = ?").param(unitCode)
			.query((rs, n) -> new Abbreviations(rs.getString(1), rs.getString(2))).optional()
			.orElse(new Abbreviations("UBND", "VP"));
	}

	void save(String unitCode, Abbreviations a) {
		jdbc.sql("""
				insert into document_setting (unit_code, agency_abbr, office_abbr) values (?, ?, ?)
				on conflict (unit_code) do update set agency_abbr = excluded.agency_abbr, office_abbr = excluded.office_abbr, updated_at = now()""")
			.params(unitCode, a.agency(), a.office()).update();
	}
}
