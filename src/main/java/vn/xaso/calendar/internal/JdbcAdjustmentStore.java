package vn.xaso.calendar.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.calendar.CalendarAdjustment;
import vn.xaso.calendar.CalendarException;

/** National rules, so the table has no unit code and no row-level security. */
class JdbcAdjustmentStore implements AdjustmentStore {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcAdjustmentStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<CalendarAdjustment> forYear(int year) {
		return jdbc.sql("select date, kind, note_vi from calendar_adjustment where year = ? and withdrawn_at is null order by date")
			.param(year)
			.query((rs, n) -> new CalendarAdjustment(rs.getObject("date", java.time.LocalDate.class),
					CalendarAdjustment.Kind.fromCode(rs.getString("kind")), rs.getString("note_vi")))
			.list();
	}

	@Override
	public boolean withdraw(java.time.LocalDate date, String withdrawnBy) {
		return jdbc.sql("update calendar_adjustment set withdrawn_at = ?, withdrawn_by = ? where date = ? and withdrawn_at is null")
			.params(OffsetDateTime.now(clock), withdrawnBy, date)
			.update() > 0;
	}

	@Override
	public void add(CalendarAdjustment adjustment, String createdBy) {
		try {
			jdbc.sql("""
					insert into calendar_adjustment (year, date, kind, note_vi, created_at, created_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(adjustment.date().getYear(), adjustment.date(), adjustment.kind().code(), adjustment.note(),
						OffsetDateTime.now(clock), createdBy)
				.update();
		}
		catch (DuplicateKeyException e) {
			throw CalendarException.of("calendar.error.alreadyStored", adjustment.date());
		}
	}
}
