package vn.xaso.school.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.school.internal.SchoolViews.*;

/**
 * The only SQL of school_pupil. A parent's statements always name their verified phone: a parent finds their own
 * children and nobody else's.
 */
@Component
class PupilTable {


	private static final String PUPIL = """
			select p.*, c.name as class_name, s.name as school_name
			from school_pupil p join school_class c on c.id = p.class_id join school_school s on s.id = c.school_id""";

	private final JdbcClient jdbc;

	PupilTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(long classId, String fullName, int birthYear) {
		return jdbc.sql("select exists (select 1 from school_pupil where class_id = ? and xaso_fold(full_name) = xaso_fold(?) and birth_year = ?)")
			.params(classId, fullName, birthYear).query(Boolean.class).single();
	}

	long insert(String unitCode, long classId, String fullName, int birthYear, String parentName, String parentPhone) {
		return jdbc.sql("""
				insert into school_pupil (unit_code, class_id, full_name, birth_year, parent_name, parent_phone)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, classId, fullName, birthYear, parentName, parentPhone).query(Long.class).single();
	}

	List<Pupil> ofClass(long classId) {
		return jdbc.sql(PUPIL + " where p.class_id = ? order by p.full_name").param(classId).query(PupilTable::pupil).list();
	}

	List<Pupil> ofParent(String phone) {
		return jdbc.sql(PUPIL + " where p.parent_phone = ? order by p.full_name").param(phone).query(PupilTable::pupil).list();
	}

	Optional<Pupil> ofParent(String phone, long pupilId) {
		return jdbc.sql(PUPIL + " where p.parent_phone = ? and p.id = ?").params(phone, pupilId).query(PupilTable::pupil).optional();
	}

	/** The parent's child, locked: confirmations and withdrawals of one pupil happen one after another. */
	Optional<Pupil> lockOfParent(String phone, long pupilId) {
		return jdbc.sql(PUPIL + " where p.parent_phone = ? and p.id = ? for update of p").params(phone, pupilId).query(PupilTable::pupil)
			.optional();
	}

	/** The parent confirmed ({@code confirmed}) or withdrew the link: kept on the pupil and in the history. */
	void consent(String unitCode, long pupilId, long citizenId, boolean confirmed) {
		jdbc.sql("update school_pupil set parent_citizen_id = ?, consent_at = case when ? then now() end where id = ?")
			.params(citizenId, confirmed, pupilId).update();
		jdbc.sql("insert into school_consent (unit_code, pupil_id, citizen_id, confirmed) values (?, ?, ?, ?)")
			.params(unitCode, pupilId, citizenId, confirmed).update();
	}

	/** The pupil whose attendance card carries this code, in one of the teacher's classes (else empty). */
	Optional<Pupil> byCard(String unitCode, String teacher, String token) {
		return jdbc.sql(PUPIL + " where p.card_token = ? and c.unit_code = ? and c.teacher = ?").params(token, unitCode, teacher)
			.query(PupilTable::pupil).optional();
	}

	Optional<Pupil> byId(long pupilId) {
		return jdbc.sql(PUPIL + " where p.id = ?").param(pupilId).query(PupilTable::pupil).optional();
	}

	Optional<Pupil> inClass(long classId, long pupilId) {
		return jdbc.sql(PUPIL + " where p.class_id = ? and p.id = ?").params(classId, pupilId).query(PupilTable::pupil).optional();
	}

	List<String> parentPhones(String unitCode, int from, int to) {
		return jdbc.sql("select distinct parent_phone from school_pupil where unit_code = ? and birth_year between ? and ? order by 1")
			.params(unitCode, from, to).query(String.class).list();
	}

	List<String> communesOfParent(String phone) {
		return jdbc.sql("select distinct unit_code from school_pupil where parent_phone = ?").param(phone).query(String.class).list();
	}

	private static Pupil pupil(ResultSet rs, int n) throws SQLException {
		return new Pupil(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("class_id"), rs.getString("class_name"),
				rs.getString("school_name"), rs.getString("full_name"), rs.getInt("birth_year"), rs.getString("parent_name"),
				rs.getString("parent_phone"), rs.getString("card_token"), parentCitizen(rs), consentAt(rs));
	}

	private static @org.jspecify.annotations.Nullable Long parentCitizen(ResultSet rs) throws SQLException {
		var id = rs.getLong("parent_citizen_id");
		return rs.wasNull() ? null : id;
	}

	private static java.time.@org.jspecify.annotations.Nullable Instant consentAt(ResultSet rs) throws SQLException {
		var at = rs.getTimestamp("consent_at");
		return at == null ? null : at.toInstant();
	}
}
