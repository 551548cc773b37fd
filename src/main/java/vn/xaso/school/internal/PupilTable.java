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
				rs.getString("parent_phone"));
	}
}
