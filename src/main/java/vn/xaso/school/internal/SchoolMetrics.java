package vn.xaso.school.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The school's daily counters for the insights indicators (issue 20), published as {@link MetricEvent}s in the
 * transaction that changed the school's tables and recounted from them the same way ({@link #recount}): notes written,
 * notes first read by a parent, parents' replies (on their days); pupils (+1 the day added) and pupils with a confirmed
 * parent (+1 the day confirmed, −1 the day withdrawn — they alternate per pupil); charges paid and those paid by
 * VietQR rather than cash marked by the school (on the day paid). The day of a row is read back from the row itself.
 */
@Component
public class SchoolMetrics implements MetricSource {

	public static final String NOTES = "school.notes";
	public static final String NOTE_READS = "school.note_reads";
	public static final String REPLIES = "school.replies";
	public static final String PUPILS = "school.pupils";
	public static final String CONFIRMED = "school.pupils_confirmed";
	public static final String PAID = "school.charges_paid";
	public static final String PAID_VIETQR = "school.charges_paid_vietqr";

	private static final String TZ = " at time zone 'Asia/Ho_Chi_Minh')::date";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	SchoolMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(NOTES, NOTE_READS, REPLIES, PUPILS, CONFIRMED, PAID, PAID_VIETQR);
	}

	void noteWritten(long noteId) {
		row("select unit_code, (written_at" + TZ + " from school_note where id = ?", noteId, NOTES, 1);
	}

	void replied(long replyId) {
		row("select unit_code, (written_at" + TZ + " from school_reply where id = ?", replyId, REPLIES, 1);
	}

	void pupilAdded(long pupilId) {
		row("select unit_code, (created_at" + TZ + " from school_pupil where id = ?", pupilId, PUPILS, 1);
	}

	/** The latest consent row of the pupil: +1 when it is a confirmation, −1 a withdrawal. */
	void consented(long pupilId) {
		jdbc.sql("select unit_code, (at" + TZ + ", confirmed from school_consent where pupil_id = ? order by id desc limit 1").param(pupilId)
			.query((rs, n) -> {
				publish(rs.getString(1), rs.getObject(2, LocalDate.class), Map.of(CONFIRMED, rs.getBoolean(3) ? 1L : -1L));
				return 0;
			}).list();
	}

	/** Notes a parent opened for the first time: +n on the day they were read. */
	void read(String unitCode, LocalDate day, int notes) {
		if (notes > 0) {
			publish(unitCode, day, Map.of(NOTE_READS, (long) notes));
		}
	}

	void chargePaid(long chargeId) {
		jdbc.sql("select unit_code, (paid_at" + TZ + ", paid_cash from school_charge where id = ? and paid_at is not null").param(chargeId)
			.query((rs, n) -> {
				publish(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3) ? Map.of(PAID, 1L) : Map.of(PAID, 1L, PAID_VIETQR, 1L));
				return 0;
			}).list();
	}

	private void row(String sql, long id, String metric, long delta) {
		jdbc.sql(sql).param(id).query((rs, n) -> {
			publish(rs.getString(1), rs.getObject(2, LocalDate.class), Map.of(metric, delta));
			return 0;
		}).list();
	}

	private void publish(String unitCode, LocalDate day, Map<String, Long> deltas) {
		events.publishEvent(MetricEvent.of(unitCode, day, deltas));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		var counts = new ArrayList<MetricCount>();
		jdbc.sql("""
				select unit_code, d, 'school.notes', count(*) from (select unit_code, (written_at at time zone 'Asia/Ho_Chi_Minh')::date d from school_note) x
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, d, 'school.note_reads', count(*) from (select unit_code, (read_at at time zone 'Asia/Ho_Chi_Minh')::date d from school_note_read) x
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, d, 'school.replies', count(*) from (select unit_code, (written_at at time zone 'Asia/Ho_Chi_Minh')::date d from school_reply) x
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, d, 'school.pupils', count(*) from (select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date d from school_pupil) x
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, d, 'school.pupils_confirmed', sum(case when confirmed then 1 else -1 end) from (
				  select unit_code, confirmed, (at at time zone 'Asia/Ho_Chi_Minh')::date d from school_consent) x
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, d, 'school.charges_paid', count(*) from (
				  select unit_code, (paid_at at time zone 'Asia/Ho_Chi_Minh')::date d from school_charge where paid_at is not null) x
				  where d between :from and :to group by 1, 2
				union all
				select unit_code, d, 'school.charges_paid_vietqr', count(*) from (
				  select unit_code, (paid_at at time zone 'Asia/Ho_Chi_Minh')::date d from school_charge where paid_at is not null and not paid_cash) x
				  where d between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4))))
			.list();
		return counts;
	}
}
