package vn.xaso.farm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.farm.Device;

/** SQL for {@code farm_device}. The secret's hash is read only by {@link #secretHash}, for the broker's sign-in. */
@Component
class DeviceTable {

	static final String COLUMNS = "id, unit_code, farm_id, kind, name, created_at, last_seen_at, revoked_at";

	private final JdbcClient jdbc;

	DeviceTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Device map(ResultSet rs, int row) throws SQLException {
		var seen = rs.getTimestamp("last_seen_at");
		var revoked = rs.getTimestamp("revoked_at");
		return new Device(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("farm_id"), Device.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getTimestamp("created_at").toInstant(), seen == null ? null : seen.toInstant(),
				revoked == null ? null : revoked.toInstant());
	}

	long insert(String unitCode, long farmId, Device.Kind kind, String name, String secretHash, String by) {
		return jdbc.sql("""
				insert into farm_device (unit_code, farm_id, kind, name, secret_hash, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, farmId, kind.name(), name, secretHash, by).query(Long.class).single();
	}

	Optional<Device> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from farm_device where id = ?").param(id).query(DeviceTable::map).optional();
	}

	List<Device> ofFarm(long farmId) {
		return jdbc.sql("select " + COLUMNS + " from farm_device where farm_id = ? order by revoked_at nulls first, id")
			.param(farmId).query(DeviceTable::map).list();
	}

	/** The device and its secret's hash, for the broker's sign-in (system-wide scope). */
	Optional<Credentials> credentials(long id) {
		return jdbc.sql("select " + COLUMNS + ", secret_hash from farm_device where id = ?").param(id)
			.query((rs, n) -> new Credentials(map(rs, n), rs.getString("secret_hash"))).optional();
	}

	boolean revoke(long id, Instant at) {
		return jdbc.sql("update farm_device set revoked_at = ? where id = ? and revoked_at is null").params(Timestamp.from(at), id)
			.update() == 1;
	}

	void seen(long id, Instant at) {
		jdbc.sql("update farm_device set last_seen_at = ? where id = ? and (last_seen_at is null or last_seen_at < ?)")
			.params(Timestamp.from(at), id, Timestamp.from(at)).update();
	}

	boolean anyActive() {
		return jdbc.sql("select exists (select 1 from farm_device where revoked_at is null)").query(Boolean.class).single();
	}

	record Credentials(Device device, String secretHash) {
	}
}
