package vn.xaso.cameras.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.cameras.FollowUp;
import vn.xaso.cameras.Incident;

/** SQL for the incident family: {@code cameras_incident}, its snapshot {@code cameras_incident_photo} and {@code cameras_follow_up}. */
@Component
class IncidentTable {

	private static final String SELECT = """
			select i.id, i.unit_code, i.camera_id, c.name camera_name, i.happened_at, i.note, i.state, i.recorded_by, i.recorded_at,
			  exists (select 1 from cameras_incident_photo p where p.incident_id = i.id) photo
			from cameras_incident i join cameras_camera c on c.id = i.camera_id""";

	private final JdbcClient jdbc;

	IncidentTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Incident map(ResultSet rs, int row) throws SQLException {
		return new Incident(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("camera_id"), rs.getString("camera_name"),
				rs.getTimestamp("happened_at").toInstant(), rs.getString("note"), Incident.State.valueOf(rs.getString("state")),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getBoolean("photo"));
	}

	long insert(String unitCode, long cameraId, Instant happenedAt, String note, String by) {
		return jdbc.sql("insert into cameras_incident (unit_code, camera_id, happened_at, note, recorded_by) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, cameraId, Timestamp.from(happenedAt), note, by).query(Long.class).single();
	}

	void photo(String unitCode, long incidentId, byte[] jpeg, int width, int height) {
		jdbc.sql("insert into cameras_incident_photo (incident_id, unit_code, content, width, height) values (?, ?, ?, ?, ?)")
			.params(incidentId, unitCode, jpeg, width, height).update();
	}

	Optional<byte[]> photo(String unitCode, long incidentId) {
		return jdbc.sql("select content from cameras_incident_photo where unit_code = ? and incident_id = ?").params(unitCode, incidentId)
			.query(byte[].class).optional();
	}

	Optional<Incident> find(String unitCode, long id) {
		return jdbc.sql(SELECT + " where i.unit_code = ? and i.id = ?").params(unitCode, id).query(IncidentTable::map).optional();
	}

	/** Locks the incident's row for a change of state. */
	Optional<Incident.State> lockState(String unitCode, long id) {
		return jdbc.sql("select state from cameras_incident where unit_code = ? and id = ? for update").params(unitCode, id)
			.query((rs, n) -> Incident.State.valueOf(rs.getString(1))).optional();
	}

	void state(String unitCode, long id, Incident.State state) {
		jdbc.sql("update cameras_incident set state = ? where unit_code = ? and id = ?").params(state.name(), unitCode, id).update();
	}

	void followUp(String unitCode, long incidentId, String note, String by) {
		jdbc.sql("insert into cameras_follow_up (unit_code, incident_id, note, written_by) values (?, ?, ?, ?)")
			.params(unitCode, incidentId, note, by).update();
	}

	List<FollowUp> followUps(String unitCode, long incidentId) {
		return jdbc.sql("select note, written_by, written_at from cameras_follow_up where unit_code = ? and incident_id = ? order by id")
			.params(unitCode, incidentId)
			.query((rs, n) -> new FollowUp(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
	}

	/** One page of the commune's incidents, newest first; {@code search} a LIKE pattern ({@code SqlLike.contains}) on the note and the camera's name. */
	List<Incident> page(String unitCode, @Nullable String search, int offset, int limit) {
		return jdbc.sql(SELECT + " where i.unit_code = ? and (cast(? as text) is null or xaso_fold(i.note || ' ' || c.name) like xaso_fold(?))"
				+ " order by i.happened_at desc, i.id desc offset ? limit ?")
			.params(unitCode, search, search, offset, limit).query(IncidentTable::map).list();
	}

	long count(String unitCode, @Nullable String search) {
		return jdbc.sql("select count(*) from cameras_incident i join cameras_camera c on c.id = i.camera_id where i.unit_code = ?"
				+ " and (cast(? as text) is null or xaso_fold(i.note || ' ' || c.name) like xaso_fold(?))")
			.params(unitCode, search, search).query(Long.class).single();
	}
}
