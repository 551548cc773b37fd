package vn.xaso.health.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.health.internal.HealthViews.*;

import vn.xaso.health.HealthFaq;
import vn.xaso.health.Question;
import vn.xaso.platform.SqlLike;
import vn.xaso.platform.VietnameseText;

/** The only SQL of health_question and health_message. Row-level security limits every statement to the scope. */
@Component
class QuestionTable {


	private final JdbcClient jdbc;

	QuestionTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, long citizenId, String title, String body, boolean urgent, boolean mayPublish) {
		return jdbc.sql("""
				insert into health_question (unit_code, citizen_id, title, body, urgent, may_publish, status)
				values (?, ?, ?, ?, ?, ?, 'ASKED') returning id""")
			.params(unitCode, citizenId, title, body, urgent, mayPublish).query(Long.class).single();
	}

	void addMessage(Question q, boolean fromDoctor, String author, String authorName, String body) {
		jdbc.sql("""
				insert into health_message (unit_code, question_id, from_doctor, author, author_name, body)
				values (?, ?, ?, ?, ?, ?)""").params(q.unitCode(), q.id(), fromDoctor, author, authorName, body).update();
	}

	/** The question, locked for a state change, if the scope sees it (and, for a citizen, it is theirs). */
	Optional<Question> lock(long id, @Nullable Long citizenId) {
		var found = jdbc.sql("select * from health_question where id = ? and (?::bigint is null or citizen_id = ?) for update")
			.params(id, citizenId, citizenId).query(QuestionTable::question).optional();
		return found.map(this::withMessages);
	}

	Optional<Question> find(long id, @Nullable Long citizenId) {
		return jdbc.sql("select * from health_question where id = ? and (?::bigint is null or citizen_id = ?)")
			.params(id, citizenId, citizenId).query(QuestionTable::question).optional().map(this::withMessages);
	}

	Optional<Question> published(String unitCode, long id) {
		return jdbc.sql("select * from health_question where unit_code = ? and id = ? and published_at is not null")
			.params(unitCode, id).query(QuestionTable::question).optional().map(this::withMessages);
	}

	/** When the asker last wrote (the question itself, or their latest follow-up). */
	Instant lastAsked(Question q) {
		return jdbc.sql("select max(written_at) from health_message where question_id = ? and not from_doctor").param(q.id())
			.query((rs, n) -> rs.getTimestamp(1)).optional().filter(t -> t != null).map(Timestamp::toInstant).orElse(q.askedAt());
	}

	void saveState(QuestionThread thread, @Nullable String doctor, Instant now) {
		var q = thread.question();
		switch (thread.status()) {
			case ANSWERED -> jdbc.sql("update health_question set status = 'ANSWERED', answered_at = ?, answered_by = ? where id = ?")
				.params(Timestamp.from(now), doctor, q.id()).update();
			case CLOSED -> jdbc.sql("update health_question set status = 'CLOSED', closed_at = ? where id = ?")
				.params(Timestamp.from(now), q.id()).update();
			case ASKED -> jdbc.sql("update health_question set status = 'ASKED' where id = ?").param(q.id()).update();
		}
		if (thread.publishedAt() != null && q.publishedAt() == null) {
			jdbc.sql("update health_question set published_at = ? where id = ?").params(Timestamp.from(thread.publishedAt()), q.id())
				.update();
		}
	}

	/** Keeps the first answer's time and minutes since the question was asked; the minutes when this was the first. */
	Optional<Integer> firstAnswer(long id, Instant at) {
		return jdbc.sql("""
				update health_question set first_answered_at = ?,
				  answer_minutes = greatest(0, floor(extract(epoch from (cast(? as timestamptz) - asked_at)) / 60))::int
				where id = ? and first_answered_at is null returning answer_minutes""")
			.params(Timestamp.from(at), Timestamp.from(at), id).query(Integer.class).optional();
	}

	void rate(long id, int stars) {
		jdbc.sql("update health_question set rating = ? where id = ?").params(stars, id).update();
	}

	/** The asker's rating of the answers, if they gave one. */
	Optional<Integer> rating(long id) {
		return jdbc.sql("select rating from health_question where id = ? and rating is not null").param(id).query(Integer.class).optional();
	}

	/** The station's questions: waiting ones first (urgent first, oldest first), then the rest, newest first. */
	List<Line> station(String unitCode, int limit) {
		return jdbc.sql("""
				select id, unit_code, title, urgent, status, asked_at, answered_at, published_at is not null as published
				from health_question where unit_code = ?
				order by status = 'ASKED' desc, case when status = 'ASKED' then urgent end desc nulls last,
				  case when status = 'ASKED' then asked_at end asc, asked_at desc limit ?""")
			.params(unitCode, limit).query(QuestionTable::line).list();
	}

	List<Line> mine(long citizenId) {
		return jdbc.sql("""
				select id, unit_code, title, urgent, status, asked_at, answered_at, published_at is not null as published
				from health_question where citizen_id = ? order by asked_at desc limit 100""")
			.param(citizenId).query(QuestionTable::line).list();
	}

	/** The citizen's questions a doctor answered (not closed, not asked again), newest answer first. */
	List<Long> answeredIds(long citizenId) {
		return jdbc.sql("select id from health_question where citizen_id = ? and status = 'ANSWERED' order by answered_at desc limit 50")
			.param(citizenId).query(Long.class).list();
	}

	List<String> communesOf(long citizenId) {
		return jdbc.sql("select unit_code from health_question where citizen_id = ? group by unit_code order by max(asked_at) desc")
			.param(citizenId).query(String.class).list();
	}

	/** Published questions of the commune whose title, text or answers hold every word of {@code q} (no diacritics). */
	List<HealthFaq.Entry> faq(String unitCode, String q, int limit) {
		var sql = new StringBuilder("select q.id, q.title, q.body, q.answered_at from health_question q where q.unit_code = ?"
				+ " and q.published_at is not null");
		var params = new ArrayList<Object>();
		params.add(unitCode);
		var key = VietnameseText.searchKey(q);
		var words = key.isEmpty() ? new String[0] : key.split(" ");
		for (int i = 0; i < Math.min(words.length, 6); i++) {
			sql.append(" and (q.search_folded like ? or exists (select 1 from health_message m where m.question_id = q.id"
					+ " and m.search_folded like ?))");
			params.add(SqlLike.contains(words[i]));
			params.add(SqlLike.contains(words[i]));
		}
		sql.append(" order by q.published_at desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new HealthFaq.Entry(rs.getLong("id"), rs.getString("title"),
				excerpt(rs.getString("body")), rs.getTimestamp("answered_at").toInstant())).list();
	}

	private Question withMessages(Question q) {
		var messages = jdbc.sql("select id, from_doctor, author_name, body, written_at from health_message where question_id = ? order by id")
			.param(q.id())
			.query((rs, n) -> new Question.Message(rs.getLong("id"), rs.getBoolean("from_doctor"), rs.getString("author_name"),
					rs.getString("body"), rs.getTimestamp("written_at").toInstant()))
			.list();
		return new Question(q.id(), q.unitCode(), q.citizenId(), q.title(), q.body(), q.urgent(), q.mayPublish(), q.status(), q.askedAt(),
				q.answeredAt(), q.publishedAt(), messages);
	}

	private static String excerpt(String body) {
		var s = body.strip().replaceAll("\\s+", " ");
		return s.length() <= 200 ? s : s.substring(0, 199) + "…";
	}

	private static Question question(ResultSet rs, int n) throws SQLException {
		return new Question(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("citizen_id"), rs.getString("title"),
				rs.getString("body"), rs.getBoolean("urgent"), rs.getBoolean("may_publish"), Question.Status.valueOf(rs.getString("status")),
				rs.getTimestamp("asked_at").toInstant(), instant(rs, "answered_at"), instant(rs, "published_at"), List.of());
	}

	private static Line line(ResultSet rs, int n) throws SQLException {
		return new Line(rs.getLong("id"), rs.getString("unit_code"), rs.getString("title"), rs.getBoolean("urgent"),
				Question.Status.valueOf(rs.getString("status")), rs.getTimestamp("asked_at").toInstant(), instant(rs, "answered_at"),
				rs.getBoolean("published"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
