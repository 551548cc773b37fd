package vn.xaso.portal.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.portal.CommuneInfo.ScheduleEntry;

/** The only SQL of {@code portal_schedule}. */
@Component
class ScheduleTable {

	private final JdbcClient jdbc;

	ScheduleTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ScheduleEntry> between(String unitCode, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id, day, time_of_day, leader, content, place from portal_schedule
				where unit_code = ? and day between ? and ? order by day, time_of_day, id""")
			.params(unitCode, Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> new ScheduleEntry(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	long insert(String unitCode, LocalDate day, String time, String leader, String content, String place, String by) {
		return jdbc.sql("""
				insert into portal_schedule (unit_code, day, time_of_day, leader, content, place, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, Date.valueOf(day), time, leader, content, place, by).query(Long.class).single();
	}

	/** Deletes the entry; deleting leaves no newer updated_at, so a remaining row is touched for public caches. */
	boolean delete(String unitCode, long id) {
		if (jdbc.sql("delete from portal_schedule where id = ? and unit_code = ?").params(id, unitCode).update() == 0) {
			return false;
		}
		jdbc.sql("update portal_schedule set updated_at = now() where id = (select max(id) from portal_schedule where unit_code = ?)")
			.param(unitCode).update();
		return true;
	}

	@Nullable Instant lastChanged(String unitCode) {
		var t = jdbc.sql("select max(updated_at) from portal_schedule where unit_code = ?").param(unitCode).query((rs, n) -> rs.getTimestamp(1)).single();
		return t == null ? null : t.toInstant();
	}
}
