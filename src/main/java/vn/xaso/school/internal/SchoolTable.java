package vn.xaso.school.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.school.internal.SchoolViews.*;

import vn.xaso.payments.Payee;

/** The only SQL of school_school and school_class. Row-level security limits every statement to the scope. */
@Component
class SchoolTable {



	private static final String CLASS = """
			select c.id, c.unit_code, c.school_id, s.name as school_name, c.name, c.school_year, c.teacher
			from school_class c join school_school s on s.id = c.school_id""";

	private final JdbcClient jdbc;

	SchoolTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean schoolNameTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from school_school where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	long insertSchool(String unitCode, String name, Payee account, String by) {
		return jdbc.sql("""
				insert into school_school (unit_code, name, bank_bin, account_number, account_name, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, name, account.bankBin(), account.accountNumber(), account.accountName(), by).query(Long.class).single();
	}

	List<School> schools(String unitCode) {
		return jdbc.sql("select * from school_school where unit_code = ? order by name").param(unitCode).query(SchoolTable::school).list();
	}

	Optional<School> school(String unitCode, long id) {
		return jdbc.sql("select * from school_school where unit_code = ? and id = ?").params(unitCode, id).query(SchoolTable::school)
			.optional();
	}

	boolean classNameTaken(long schoolId, String year, String name) {
		return jdbc.sql("select exists (select 1 from school_class where school_id = ? and school_year = ? and xaso_fold(name) = xaso_fold(?))")
			.params(schoolId, year, name).query(Boolean.class).single();
	}

	long insertClass(String unitCode, long schoolId, String name, String year, String teacher) {
		return jdbc.sql("insert into school_class (unit_code, school_id, name, school_year, teacher) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, schoolId, name, year, teacher).query(Long.class).single();
	}

	List<SchoolClass> classes(String unitCode) {
		return jdbc.sql(CLASS + " where c.unit_code = ? order by s.name, c.school_year desc, c.name").param(unitCode)
			.query(SchoolTable::schoolClass).list();
	}

	List<SchoolClass> classesOf(String unitCode, String teacher) {
		return jdbc.sql(CLASS + " where c.unit_code = ? and c.teacher = ? order by c.school_year desc, c.name").params(unitCode, teacher)
			.query(SchoolTable::schoolClass).list();
	}

	Optional<SchoolClass> schoolClass(long id) {
		return jdbc.sql(CLASS + " where c.id = ?").param(id).query(SchoolTable::schoolClass).optional();
	}

	private static School school(ResultSet rs, int n) throws SQLException {
		return new School(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"),
				new Payee(rs.getString("bank_bin"), rs.getString("account_number"), rs.getString("account_name")));
	}

	private static SchoolClass schoolClass(ResultSet rs, int n) throws SQLException {
		return new SchoolClass(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("school_id"), rs.getString("school_name"),
				rs.getString("name"), rs.getString("school_year"), rs.getString("teacher"));
	}
}
