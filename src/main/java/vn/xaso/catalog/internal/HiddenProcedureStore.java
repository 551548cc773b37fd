package vn.xaso.catalog.internal;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for {@code catalog_procedure_hidden}: the procedures a commune does not offer. */
@Component
public class HiddenProcedureStore {

	private final JdbcClient jdbc;

	HiddenProcedureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Set<String> hidden(String unit) {
		return new TreeSet<>(jdbc.sql("select code from catalog_procedure_hidden where unit_code = ?")
			.param(unit)
			.query(String.class)
			.list());
	}

	/** Hides a code for the commune; false when it was hidden already. */
	public boolean hide(String unit, String code, String actor) {
		return jdbc.sql("""
				insert into catalog_procedure_hidden (unit_code, code, hidden_by) values (?, ?, ?)
				on conflict do nothing""")
			.params(unit, code, actor)
			.update() > 0;
	}

	/** Offers a code again; false when it was not hidden. */
	public boolean show(String unit, String code) {
		return jdbc.sql("delete from catalog_procedure_hidden where unit_code = ? and code = ?").params(unit, code).update() > 0;
	}
}
