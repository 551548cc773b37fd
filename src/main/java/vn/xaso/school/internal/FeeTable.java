package vn.xaso.school.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.school.internal.SchoolViews.*;

/** The only SQL of school_fee and school_charge (what each pupil of the class owes for a fee). */
@Component
class FeeTable {



	private static final String CHARGE = """
			select ch.*, f.title, f.amount_vnd, p.full_name as pupil_name
			from school_charge ch join school_fee f on f.id = ch.fee_id join school_pupil p on p.id = ch.pupil_id""";

	private final JdbcClient jdbc;

	FeeTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean titleTaken(long classId, String title) {
		return jdbc.sql("select exists (select 1 from school_fee where class_id = ? and xaso_fold(title) = xaso_fold(?))")
			.params(classId, title).query(Boolean.class).single();
	}

	/** The fee and one charge for every pupil of the class now. */
	long insert(String unitCode, long classId, String title, long amountVnd, String by) {
		long id = jdbc.sql("insert into school_fee (unit_code, class_id, title, amount_vnd, created_by) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, classId, title, amountVnd, by).query(Long.class).single();
		jdbc.sql("insert into school_charge (unit_code, fee_id, pupil_id) select unit_code, ?, id from school_pupil where class_id = ?")
			.params(id, classId).update();
		return id;
	}

	List<Fee> ofClass(long classId) {
		return jdbc.sql("""
				select f.id, f.class_id, f.title, f.amount_vnd, f.created_at, count(ch.id) as pupils, count(ch.paid_at) as paid
				from school_fee f left join school_charge ch on ch.fee_id = f.id
				where f.class_id = ? group by f.id order by f.created_at desc""")
			.param(classId)
			.query((rs, n) -> new Fee(rs.getLong("id"), rs.getLong("class_id"), rs.getString("title"), rs.getLong("amount_vnd"),
					rs.getInt("pupils"), rs.getInt("paid"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Who has not paid yet, fee by fee (for the teacher only). */
	List<Charge> unpaid(long classId) {
		return jdbc.sql(CHARGE + " where f.class_id = ? and ch.paid_at is null order by f.created_at desc, p.full_name").param(classId)
			.query(FeeTable::charge).list();
	}

	/** How many charges of this parent's children are not paid yet. */
	long unpaidOfParent(String phone) {
		return jdbc.sql("""
				select count(*) from school_charge ch join school_pupil p on p.id = ch.pupil_id
				where p.parent_phone = ? and ch.paid_at is null""").param(phone).query(Long.class).single();
	}

	List<Charge> ofPupil(long pupilId) {
		return jdbc.sql(CHARGE + " where ch.pupil_id = ? order by f.created_at desc").param(pupilId).query(FeeTable::charge).list();
	}

	/** The charges of one fee (for the parents' notices of a new fee). */
	List<Charge> ofFee(long feeId) {
		return jdbc.sql(CHARGE + " where ch.fee_id = ? order by ch.id").param(feeId).query(FeeTable::charge).list();
	}

	Optional<Charge> lock(long chargeId) {
		return jdbc.sql(CHARGE + " where ch.id = ? for update of ch").param(chargeId).query(FeeTable::charge).optional();
	}

	void save(TuitionCharge charge) {
		jdbc.sql("update school_charge set bill_id = ?, paid_at = ?, paid_cash = ? where id = ?")
			.params(charge.billId(), charge.paidAt() == null ? null : Timestamp.from(charge.paidAt()), charge.cash(), charge.charge().id())
			.update();
	}

	private static Charge charge(ResultSet rs, int n) throws SQLException {
		var bill = rs.getLong("bill_id");
		var billId = rs.wasNull() ? null : bill;
		var paid = rs.getTimestamp("paid_at");
		return new Charge(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("fee_id"), rs.getLong("pupil_id"),
				rs.getString("pupil_name"), rs.getString("title"), rs.getLong("amount_vnd"), billId, paid == null ? null : paid.toInstant(),
				rs.getBoolean("paid_cash"));
	}
}
