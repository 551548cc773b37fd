package vn.xaso.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.feedback.Feedback.Listing;
import vn.xaso.feedback.Feedback.Photo;
import vn.xaso.feedback.Feedback.PublicSearch;
import vn.xaso.feedback.Feedback.Row;
import vn.xaso.feedback.FeedbackEvent;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.feedback.PublicReport;
import vn.xaso.platform.render.JpegPhotos;

/**
 * The only SQL of a report and what hangs on it: {@code feedback_report}, {@code feedback_photo},
 * {@code feedback_event} (the timeline) and {@code feedback_counter}. Callers run it in the
 * commune's scope and transaction.
 */
@Component
class ReportTable {

	private static final String FULL_SELECT = """
			select r.*, c.id as c_id, c.unit_code as c_unit, c.code as c_code, c.name as c_name, c.description as c_description,
			  c.group_name as c_group, c.keywords as c_keywords, c.sla_days as c_sla,
			  (select m.code from feedback_report m where m.id = r.merged_into) as merged_code,
			  (select coalesce(string_agg(p.id::text, ',' order by p.position), '') from feedback_photo p where p.report_id = r.id) as photo_ids
			from feedback_report r join feedback_category c on c.id = r.category_id""";

	private static final String ROW_SELECT = """
			select r.id, r.code, c.name as c_name, r.status, r.description, r.handler, r.due_date, r.created_at, r.anonymous,
			  (select m.code from feedback_report m where m.id = r.merged_into) as merged_code
			from feedback_report r join feedback_category c on c.id = r.category_id""";

	private static final String COUNT = "select count(*) from feedback_report r join feedback_category c on c.id = r.category_id";

	private static final String EVENTS = "select e.*, r.code as report_code from feedback_event e join feedback_report r on r.id = e.report_id";

	private final JdbcClient jdbc;

	ReportTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- writes

	/** The commune's next report number (1, 2, …). */
	long nextNumber(String unitCode) {
		return jdbc.sql("""
				insert into feedback_counter (unit_code, next_value) values (?, 2)
				on conflict (unit_code) do update set next_value = feedback_counter.next_value + 1
				returning next_value - 1""").param(unitCode).query(Long.class).single();
	}

	long insert(Report.Received r, Instant now) {
		var at = Timestamp.from(now);
		return jdbc.sql("""
				insert into feedback_report (unit_code, code, token, category_id, description, lat, lon, village_code, address,
				  citizen_id, anonymous, contact_name, contact_phone, contact_email, status, due_date, media_url, source, api_key_id,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?) returning id""")
			.params(r.unitCode(), r.code(), r.token(), r.categoryId(), r.description(), r.lat(), r.lon(), r.villageCode(), r.address(),
					r.citizenId(), r.anonymous(), r.contactName(), r.contactPhone(), r.contactEmail(), r.dueDate(), r.mediaUrl(),
					r.source(), r.apiKeyId(), at, at)
			.query(Long.class)
			.single();
	}

	void insertPhoto(String unitCode, long reportId, int position, JpegPhotos.Resized p) {
		jdbc.sql("""
				insert into feedback_photo (unit_code, report_id, position, content_type, content, thumbnail, width, height)
				values (?, ?, ?, 'image/jpeg', ?, ?, ?, ?)""")
			.params(unitCode, reportId, position, p.content(), p.thumbnail(), p.width(), p.height())
			.update();
	}

	void insertEntry(String unitCode, Report.Entry e, Instant now) {
		jdbc.sql("insert into feedback_event (unit_code, report_id, at, kind, actor, public, status, text) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, e.reportId(), Timestamp.from(now), e.kind(), e.actor(), e.isPublic(), e.status(), e.text())
			.update();
	}

	void assign(long id, String handler, Instant now) {
		jdbc.sql("update feedback_report set handler = ?, status = 'in_progress', updated_at = ? where id = ?")
			.params(handler, Timestamp.from(now), id).update();
	}

	void answer(long id, String answer, String by, Instant now) {
		var at = Timestamp.from(now);
		jdbc.sql("""
				update feedback_report set answer = ?, answered_at = ?, answered_by = ?, status = 'answered', updated_at = ?,
				  first_answered_at = coalesce(first_answered_at, ?), first_answer_due = coalesce(first_answer_due, due_date)
				where id = ?""")
			.params(answer, at, by, at, at, id).update();
	}

	void close(long id, Instant now) {
		var at = Timestamp.from(now);
		jdbc.sql("""
				update feedback_report set status = 'closed', closed_at = ?, updated_at = ?,
				  first_closed_at = coalesce(first_closed_at, ?) where id = ?""")
			.params(at, at, at, id).update();
	}

	/** Marks {@code id} merged into {@code keptId}; reports merged into it follow the kept one too. */
	void merge(long id, long keptId, Instant now) {
		var at = Timestamp.from(now);
		jdbc.sql("update feedback_report set status = 'merged', merged_into = ?, updated_at = ? where id = ?").params(keptId, at, id).update();
		jdbc.sql("update feedback_report set merged_into = ?, updated_at = ? where merged_into = ?").params(keptId, at, id).update();
	}

	void photosPublic(long id, boolean visible, Instant now) {
		jdbc.sql("update feedback_report set photos_public = ?, updated_at = ? where id = ?").params(visible, Timestamp.from(now), id).update();
	}

	void rate(long id, int rating, Instant now) {
		var at = Timestamp.from(now);
		jdbc.sql("""
				update feedback_report set rating = ?, rated_at = ?, updated_at = ?,
				  first_rating = coalesce(first_rating, ?), first_rated_at = coalesce(first_rated_at, ?) where id = ?""")
			.params(rating, at, at, rating, at, id)
			.update();
	}

	void reopen(long id, LocalDate due, Instant now) {
		jdbc.sql("""
				update feedback_report set status = 'in_progress', closed_at = null, rating = null, rated_at = null,
				  due_date = ?, updated_at = ? where id = ?""")
			.params(due, Timestamp.from(now), id)
			.update();
	}

	// ---------------------------------------------------------------- one report

	Optional<FeedbackReport> lock(String unitCode, long id) {
		return jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.id = ? for update of r").params(unitCode, id)
			.query(ReportRows::report).optional();
	}

	FeedbackReport get(long id) {
		return jdbc.sql(FULL_SELECT + " where r.id = ?").param(id).query(ReportRows::report).single();
	}

	Optional<FeedbackReport> find(String unitCode, long id) {
		return jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.id = ?").params(unitCode, id).query(ReportRows::report).optional();
	}

	Optional<FeedbackReport> byCode(String unitCode, String code) {
		return jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.code = ?").params(unitCode, code).query(ReportRows::report).optional();
	}

	Optional<FeedbackReport> own(String unitCode, String code, long citizenId) {
		return jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.code = ? and r.citizen_id = ?")
			.params(unitCode, code, citizenId).query(ReportRows::report).optional();
	}

	/** The reports merged into {@code keptId}. */
	List<FeedbackReport> followers(String unitCode, long keptId) {
		return jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.merged_into = ?").params(unitCode, keptId).query(ReportRows::report).list();
	}

	List<String> duplicatesOf(String unitCode, long id) {
		return jdbc.sql("select code from feedback_report where unit_code = ? and merged_into = ? order by id")
			.params(unitCode, id).query(String.class).list();
	}

	Optional<PublicReport> publicReport(String unitCode, String code) {
		return jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.code = ?").params(unitCode, code).query(ReportRows::publicReport).optional();
	}

	List<FeedbackEvent> publicEvents(String unitCode, String code) {
		return jdbc.sql(EVENTS + " where r.unit_code = ? and r.code = ? and e.public order by e.id")
			.params(unitCode, code).query(ReportRows::publicEvent).list();
	}

	List<FeedbackEvent> events(String unitCode, long id) {
		return jdbc.sql(EVENTS + " where r.unit_code = ? and r.id = ? order by e.id").params(unitCode, id).query(ReportRows::event).list();
	}

	Optional<Photo> photo(String unitCode, long photoId, boolean thumbnail, boolean publicOnly) {
		return jdbc.sql("select p." + (thumbnail ? "thumbnail" : "content")
				+ " from feedback_photo p join feedback_report r on r.id = p.report_id where p.id = ? and p.unit_code = ?"
				+ (publicOnly ? " and r.photos_public and r.status <> 'merged'" : ""))
			.params(photoId, unitCode)
			.query((rs, n) -> new Photo(rs.getBytes(1)))
			.optional();
	}

	Optional<String> codeOfToken(String unitCode, String token) {
		return jdbc.sql("select code from feedback_report where unit_code = ? and token = ?").params(unitCode, token)
			.query(String.class).optional();
	}

	// ---------------------------------------------------------------- lists

	List<FeedbackEvent> publicUpdates(String unitCode, long afterId, int limit) {
		return jdbc.sql(EVENTS + " where e.unit_code = ? and e.public and e.id > ? order by e.id limit ?")
			.params(unitCode, afterId, limit).query(ReportRows::publicEvent).list();
	}

	List<Row> ofCitizen(long citizenId) {
		return jdbc.sql(ROW_SELECT + " where r.citizen_id = ? order by r.created_at desc, r.id desc limit 200")
			.param(citizenId).query(ReportRows::row).list();
	}

	Map<String, Long> counts(String unitCode) {
		var map = new LinkedHashMap<String, Long>();
		FeedbackReport.STATUSES.forEach(s -> map.put(s, 0L));
		jdbc.sql("select status, count(*) from feedback_report where unit_code = ? group by status").param(unitCode)
			.query((rs, n) -> map.put(rs.getString(1), rs.getLong(2))).list();
		return map;
	}

	/** The officials' list; {@code mine} and {@code overdueOn} narrow it when set. */
	Listing<Row> search(String unitCode, @Nullable String status, @Nullable String category, @Nullable String handler,
			@Nullable String mine, @Nullable LocalDate overdueOn, @Nullable String q, int page, int size) {
		var where = new Where(" where r.unit_code = ?", unitCode);
		where.and(status, " and r.status = ?").and(category, " and c.code = ?").and(handler, " and r.handler = ?")
			.and(mine, " and r.handler = ?").and(overdueOn, " and r.status in ('new', 'in_progress') and r.due_date < ?");
		if (q != null) {
			where.like(q, " and (r.description ilike ? or r.code ilike ? or r.address ilike ?)", 3);
		}
		long total = jdbc.sql(COUNT + where.sql).params(where.params).query(Long.class).single();
		var rows = jdbc.sql(ROW_SELECT + where.sql
				+ " order by case when r.status in ('new','in_progress') then 0 else 1 end, r.due_date, r.id desc limit ? offset ?")
			.params(where.page(size, page * size)).query(ReportRows::row).list();
		return new Listing<>(rows, total);
	}

	Listing<PublicReport> publicSearch(String unitCode, PublicSearch s) {
		var where = new Where(" where r.unit_code = ?", unitCode);
		where.in(s.codes(), "r.code").in(s.categoryCodes(), "c.code")
			.and(s.from() == null ? null : Timestamp.from(s.from()), " and r.created_at >= ?")
			.and(s.to() == null ? null : Timestamp.from(s.to()), " and r.created_at <= ?")
			.in(s.statuses(), "r.status");
		if (s.q() != null && !s.q().isBlank()) {
			where.like(s.q(), " and (r.description ilike ? or r.code ilike ?)", 2);
		}
		long total = jdbc.sql(COUNT + where.sql).params(where.params).query(Long.class).single();
		var rows = jdbc.sql(FULL_SELECT + where.sql + " order by r.created_at desc, r.id desc limit ? offset ?")
			.params(where.page(s.limit(), s.offset())).query(ReportRows::publicReport).list();
		return new Listing<>(rows, total);
	}

	/** A where clause and its parameters, built condition by condition. */
	private static final class Where {

		final StringBuilder sql;
		final List<Object> params = new ArrayList<>();

		Where(String start, Object param) {
			sql = new StringBuilder(start);
			params.add(param);
		}

		Where and(@Nullable Object value, String condition) {
			if (value != null) {
				sql.append(condition);
				params.add(value);
			}
			return this;
		}

		Where in(@Nullable List<String> values, String column) {
			if (values != null && !values.isEmpty()) {
				sql.append(" and ").append(column).append(" in (").append(String.join(",", values.stream().map(v -> "?").toList())).append(")");
				params.addAll(values);
			}
			return this;
		}

		void like(String q, String condition, int times) {
			sql.append(condition);
			var like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			for (int i = 0; i < times; i++) {
				params.add(like);
			}
		}

		List<Object> page(int limit, int offset) {
			var all = new ArrayList<>(params);
			all.add(limit);
			all.add(offset);
			return all;
		}
	}
}
