package vn.xaso.cameras.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.cameras.Camera;

/** SQL for {@code cameras_camera} (never the addresses). Row-level security keeps every statement inside the caller's commune. */
@Component
class CameraTable {

	private static final String COLUMNS = """
			id, unit_code, name, village_id, place, latitude, longitude, owner_kind, farm_id, consent_name, consent_on,
			consent_withdrawn_on, state""";

	private final JdbcClient jdbc;

	CameraTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Camera map(ResultSet rs, int row) throws SQLException {
		return new Camera(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"), rs.getObject("village_id", Long.class),
				rs.getString("place"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
				Camera.OwnerKind.valueOf(rs.getString("owner_kind")), rs.getObject("farm_id", Long.class), rs.getString("consent_name"),
				day(rs.getDate("consent_on")), day(rs.getDate("consent_withdrawn_on")), Camera.State.valueOf(rs.getString("state")));
	}

	private static java.time.@org.jspecify.annotations.Nullable LocalDate day(@org.jspecify.annotations.Nullable Date d) {
		return d == null ? null : d.toLocalDate();
	}

	long insert(Camera c, String by) {
		return jdbc.sql("""
				insert into cameras_camera (unit_code, name, village_id, place, latitude, longitude, owner_kind, farm_id, consent_name,
				  consent_on, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.unitCode(), c.name(), c.villageId(), c.place(), c.latitude(), c.longitude(), c.ownerKind().name(), c.farmId(),
					c.consentName(), c.consentOn(), by)
			.query(Long.class).single();
	}

	/** Writes what an edit or a withdrawal changed (never the owner). */
	void update(Camera c) {
		jdbc.sql("""
				update cameras_camera set name = ?, village_id = ?, place = ?, latitude = ?, longitude = ?, consent_withdrawn_on = ?,
				  state = ?, updated_at = now() where unit_code = ? and id = ?""")
			.params(c.name(), c.villageId(), c.place(), c.latitude(), c.longitude(), c.consentWithdrawnOn(), c.state().name(),
					c.unitCode(), c.id())
			.update();
	}

	boolean nameTaken(String unitCode, String name, long exceptId) {
		return jdbc.sql("select exists (select 1 from cameras_camera where unit_code = ? and xaso_fold(name) = xaso_fold(?) and id <> ?)")
			.params(unitCode, name, exceptId).query(Boolean.class).single();
	}

	Optional<Camera> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from cameras_camera where unit_code = ? and id = ?").params(unitCode, id)
			.query(CameraTable::map).optional();
	}

	/** The commune's cameras by name; only those of {@code farms} when given (a farmer's own). */
	List<Camera> list(String unitCode, @org.jspecify.annotations.Nullable List<Long> farms) {
		if (farms == null) {
			return jdbc.sql("select " + COLUMNS + " from cameras_camera where unit_code = ? order by xaso_fold(name), id")
				.param(unitCode).query(CameraTable::map).list();
		}
		return jdbc.sql("select " + COLUMNS + " from cameras_camera where unit_code = ? and farm_id = any(?) order by xaso_fold(name), id")
			.params(unitCode, farms.toArray(Long[]::new)).query(CameraTable::map).list();
	}
}
