package vn.xaso.community.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL adapter of {@code community_touch_point}, {@code community_training} and {@code community_attendance}. */
@Repository
class TrainingTable {

	record TouchPointRow(long id, String name, @Nullable Long villageId, String hours, @Nullable BigDecimal latitude,
			@Nullable BigDecimal longitude) {
	}

	record TrainingRow(long id, String topic, String trainer, LocalDate heldOn, @Nullable Long touchPointId,
			@Nullable String touchPointName, long attendance) {
	}

	private final JdbcClient jdbc;

	TrainingTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean touchPointTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from community_touch_point where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	long insertTouchPoint(String unitCode, String name, @Nullable Long villageId, String hours, @Nullable BigDecimal lat,
			@Nullable BigDecimal lon) {
		return jdbc.sql("insert into community_touch_point (unit_code, name, village_id, hours, latitude, longitude) values (?, ?, ?, ?, ?, ?) returning id")
			.params(unitCode, name, villageId, hours, lat, lon).query(Long.class).single();
	}

	List<TouchPointRow> touchPoints(String unitCode) {
		return jdbc.sql("select id, name, village_id, hours, latitude, longitude from community_touch_point where unit_code = ? order by name")
			.param(unitCode)
			.query((rs, n) -> new TouchPointRow(rs.getLong("id"), rs.getString("name"), rs.getObject("village_id", Long.class),
					rs.getString("hours"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude")))
			.list();
	}

	long insertTraining(String unitCode, String topic, String trainer, LocalDate on, @Nullable Long touchPointId, String by) {
		return jdbc.sql("insert into community_training (unit_code, topic, trainer, held_on, touch_point_id, created_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(unitCode, topic, trainer, on, touchPointId, by).query(Long.class).single();
	}

	private static final String TRAININGS = """
			select t.id, t.topic, t.trainer, t.held_on, t.touch_point_id, p.name as point_name,
			  (select count(*) from community_attendance a where a.training_id = t.id) as attendance
			from community_training t left join community_touch_point p on p.id = t.touch_point_id
			""";

	List<TrainingRow> trainings(String unitCode) {
		return jdbc.sql(TRAININGS + " where t.unit_code = ? order by t.held_on desc, t.id desc limit 200").param(unitCode)
			.query(TrainingTable::map).list();
	}

	Optional<TrainingRow> training(String unitCode, long id) {
		return jdbc.sql(TRAININGS + " where t.unit_code = ? and t.id = ?").params(unitCode, id).query(TrainingTable::map).optional();
	}

	/** A training's file, without its content. */
	record MaterialRow(long id, String name, String contentType, int size, String uploadedBy) {
	}

	long insertMaterial(String unitCode, long trainingId, String name, String contentType, byte[] content, String by) {
		return jdbc.sql("""
				insert into community_training_material (unit_code, training_id, name, content_type, size, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, trainingId, name, contentType, content.length, content, by).query(Long.class).single();
	}

	List<MaterialRow> materials(String unitCode, long trainingId) {
		return jdbc.sql("select id, name, content_type, size, uploaded_by from community_training_material where unit_code = ? and training_id = ? order by id")
			.params(unitCode, trainingId)
			.query((rs, n) -> new MaterialRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5))).list();
	}

	Optional<byte[]> materialContent(String unitCode, long trainingId, long id) {
		return jdbc.sql("select content from community_training_material where unit_code = ? and training_id = ? and id = ?")
			.params(unitCode, trainingId, id).query((rs, n) -> rs.getBytes(1)).optional();
	}

	/** Whether the household was newly marked present. */
	boolean attend(String unitCode, long trainingId, long householdId) {
		return 1 == jdbc.sql("insert into community_attendance (training_id, household_id, unit_code) values (?, ?, ?) on conflict do nothing")
			.params(trainingId, householdId, unitCode).update();
	}

	List<Long> attendees(String unitCode, long trainingId) {
		return jdbc.sql("select household_id from community_attendance where unit_code = ? and training_id = ? order by household_id")
			.params(unitCode, trainingId).query(Long.class).list();
	}

	private static TrainingRow map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new TrainingRow(rs.getLong("id"), rs.getString("topic"), rs.getString("trainer"),
				rs.getObject("held_on", LocalDate.class), rs.getObject("touch_point_id", Long.class), rs.getString("point_name"),
				rs.getLong("attendance"));
	}
}
