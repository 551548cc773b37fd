package vn.xaso.portal.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.portal.CommuneInfo.Contact;

/** The only SQL of {@code portal_contact}. */
@Component
class ContactTable {

	private final JdbcClient jdbc;

	ContactTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Contact> of(String unitCode) {
		return jdbc.sql("select id, position, name, title, phone, phone_public, email from portal_contact where unit_code = ? order by position, id")
			.param(unitCode)
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getBoolean(6), rs.getString(7)))
			.list();
	}

	long insert(String unitCode, int position, String name, String title, String phone, boolean phonePublic, String email) {
		return jdbc.sql("""
				insert into portal_contact (unit_code, position, name, title, phone, phone_public, email)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, position, name, title, phone, phonePublic, email).query(Long.class).single();
	}

	/** Deletes the contact; a remaining row is touched so public caches revalidate. */
	boolean delete(String unitCode, long id) {
		if (jdbc.sql("delete from portal_contact where id = ? and unit_code = ?").params(id, unitCode).update() == 0) {
			return false;
		}
		jdbc.sql("update portal_contact set updated_at = now() where id = (select max(id) from portal_contact where unit_code = ?)")
			.param(unitCode).update();
		return true;
	}

	@Nullable Instant lastChanged(String unitCode) {
		var t = jdbc.sql("select max(updated_at) from portal_contact where unit_code = ?").param(unitCode).query((rs, n) -> rs.getTimestamp(1)).single();
		return t == null ? null : t.toInstant();
	}
}
