package vn.xaso.farm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.farm.Farm;
import vn.xaso.farm.FarmSummary;

/** SQL for {@code farm_farm}. Row-level security keeps every statement inside the caller's commune. */
@Component
class FarmTable {

	static final String COLUMNS = "f.id, f.unit_code, f.name, f.owner_username, f.contact_name, f.phone, f.created_at";

	private final JdbcClient jdbc;

	FarmTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Farm map(ResultSet rs, int row) throws SQLException {
		return new Farm(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"), rs.getString("owner_username"),
				rs.getString("contact_name"), rs.getString("phone"), rs.getTimestamp("created_at").toInstant());
	}

	long insert(String unitCode, String name, String owner, String contactName, String phone, String by) {
		return jdbc.sql("""
				insert into farm_farm (unit_code, name, owner_username, contact_name, phone, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, name, owner, contactName, phone, by).query(Long.class).single();
	}

	boolean nameTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from farm_farm where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	Optional<Farm> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from farm_farm f where f.unit_code = ? and f.id = ?")
			.params(unitCode, id).query(FarmTable::map).optional();
	}

	List<Farm> ofOwner(String unitCode, String owner) {
		return jdbc.sql("select " + COLUMNS + " from farm_farm f where f.unit_code = ? and f.owner_username = ? order by xaso_fold(f.name), f.id")
			.params(unitCode, owner).query(FarmTable::map).list();
	}

	List<FarmSummary> summaries(String unitCode) {
		return jdbc.sql("select " + COLUMNS + """
				, (select count(*) from farm_device d where d.farm_id = f.id and d.revoked_at is null) devices,
				  (select count(*) from farm_alarm a where a.farm_id = f.id and a.status <> 'CLEARED') open_alarms
				from farm_farm f where f.unit_code = ? order by xaso_fold(f.name), f.id""")
			.param(unitCode)
			.query((rs, n) -> new FarmSummary(map(rs, n), rs.getInt("devices"), rs.getInt("open_alarms"))).list();
	}
}
