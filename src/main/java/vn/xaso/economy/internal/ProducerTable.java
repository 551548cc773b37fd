package vn.xaso.economy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.economy.Producer;

/** SQL for {@code economy_producer}. Row-level security keeps every statement inside the caller's commune. */
@Component
class ProducerTable {

	static final String COLUMNS = "id, unit_code, kind, name, tax_code, contact_name, phone, address, description, bank_bin, "
			+ "account_number, account_name, username, verified_by, verified_at";

	private final JdbcClient jdbc;

	ProducerTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Producer map(ResultSet rs, int row) throws SQLException {
		var verifiedAt = rs.getTimestamp("verified_at");
		return new Producer(rs.getLong("id"), rs.getString("unit_code"), Producer.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("tax_code"), rs.getString("contact_name"), rs.getString("phone"),
				rs.getString("address"), rs.getString("description"), rs.getString("bank_bin"), rs.getString("account_number"),
				rs.getString("account_name"), rs.getString("username"), rs.getString("verified_by"),
				verifiedAt == null ? null : verifiedAt.toInstant());
	}

	long insert(String unitCode, ProducerEntry e, String by) {
		return jdbc.sql("""
				insert into economy_producer (unit_code, kind, name, tax_code, contact_name, phone, address, description,
				                              bank_bin, account_number, account_name, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, e.kind().name(), e.name(), e.taxCode(), e.contactName(), e.phone(), e.address(), e.description(),
					e.bankBin(), e.accountNumber(), e.accountName(), by)
			.query(Long.class).single();
	}

	boolean nameTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from economy_producer where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	Optional<Producer> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from economy_producer where unit_code = ? and id = ?")
			.params(unitCode, id).query(ProducerTable::map).optional();
	}

	Optional<Producer> lock(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from economy_producer where unit_code = ? and id = ? for update")
			.params(unitCode, id).query(ProducerTable::map).optional();
	}

	Optional<Producer> ofUsername(String unitCode, String username) {
		return jdbc.sql("select " + COLUMNS + " from economy_producer where unit_code = ? and username = ?")
			.params(unitCode, username).query(ProducerTable::map).optional();
	}

	List<Producer> all(String unitCode) {
		return jdbc.sql("select " + COLUMNS + " from economy_producer where unit_code = ? order by xaso_fold(name), id")
			.param(unitCode).query(ProducerTable::map).list();
	}

	List<Producer> verified(String unitCode) {
		return jdbc.sql("select " + COLUMNS + " from economy_producer where unit_code = ? and verified_at is not null order by xaso_fold(name), id")
			.param(unitCode).query(ProducerTable::map).list();
	}

	/** Marks verified once: false when it already was. */
	boolean verify(long id, String by, Instant at) {
		return jdbc.sql("update economy_producer set verified_by = ?, verified_at = ? where id = ? and verified_at is null")
			.params(by, Timestamp.from(at), id).update() == 1;
	}

	/** Links the producer's own account; false when it already had one. */
	boolean link(long id, String username) {
		return jdbc.sql("update economy_producer set username = ? where id = ? and username is null").params(username, id).update() == 1;
	}

	@Nullable Long idOfName(String unitCode, String name) {
		return jdbc.sql("select id from economy_producer where unit_code = ? and xaso_fold(name) = xaso_fold(?)")
			.params(unitCode, name).query(Long.class).optional().orElse(null);
	}
}
