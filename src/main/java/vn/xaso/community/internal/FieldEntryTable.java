package vn.xaso.community.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.community.Survey;

/**
 * SQL adapter of {@code community_field_entry}: the entries phones sent from the field, one per client id
 * (unique per commune), with the survey answers of those kept for review.
 */
@Repository
class FieldEntryTable {

	/** One stored entry; the answers are set for surveys only. */
	record Row(long id, UUID clientId, UUID deviceId, long memberId, String username, String memberName, String kind,
			long householdId, String headName, Instant madeAt, Instant receivedAt, String status, @Nullable Long recordId,
			@Nullable Long newerSurveyId, RecordingSurvey.@Nullable Answers answers) {
	}

	private static final String SELECT = """
			select e.id, e.client_id, e.device_id, e.member_id, e.username, m.full_name, e.kind, e.household_id, h.head_name,
			  e.made_at, e.received_at, e.status, e.record_id, e.newer_survey_id, e.surveyed_on, e.smartphones, e.internet,
			  e.e_payment, e.vneid_level2, e.uses_app, e.in_zalo_group, e.main_barrier
			from community_field_entry e join community_member m on m.id = e.member_id
			join community_household h on h.id = e.household_id
			""";

	private final JdbcClient jdbc;

	FieldEntryTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> byClientId(String unitCode, UUID clientId) {
		return jdbc.sql(SELECT + " where e.unit_code = ? and e.client_id = ?").params(unitCode, clientId)
			.query(FieldEntryTable::map).optional();
	}

	Optional<Row> find(String unitCode, long id) {
		return jdbc.sql(SELECT + " where e.unit_code = ? and e.id = ?").params(unitCode, id).query(FieldEntryTable::map).optional();
	}

	/**
	 * Claims the client id for this entry (status {@code saved} until told otherwise); empty when the id is taken
	 * already — a retried sync, or a concurrent one, which waits here until the first commits.
	 */
	Optional<Long> claim(String unitCode, UUID clientId, UUID deviceId, long memberId, String username, String kind,
			long householdId, long baseSurveyId, Instant madeAt, RecordingSurvey.@Nullable Answers a) {
		return jdbc.sql("""
				insert into community_field_entry (unit_code, client_id, device_id, member_id, username, kind, household_id,
				  base_survey_id, made_at, status, surveyed_on, smartphones, internet, e_payment, vneid_level2, uses_app,
				  in_zalo_group, main_barrier)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'saved', ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (unit_code, client_id) do nothing returning id""")
			.params(unitCode, clientId, deviceId, memberId, username, kind, householdId, baseSurveyId, Timestamp.from(madeAt),
					a == null ? null : a.on(), a == null ? null : a.smartphones(),
					a == null ? null : a.internet().name().toLowerCase(Locale.ROOT), a == null ? null : a.ePayment(),
					a == null ? null : a.vneidLevel2(), a == null ? null : a.usesApp(), a == null ? null : a.inZaloGroup(),
					a == null ? null : a.mainBarrier().name().toLowerCase(Locale.ROOT))
			.query(Long.class).optional();
	}

	void saved(long id, long recordId) {
		jdbc.sql("update community_field_entry set status = 'saved', record_id = ? where id = ?").params(recordId, id).update();
	}

	void keepForReview(long id, long newerSurveyId) {
		jdbc.sql("update community_field_entry set status = 'review', newer_survey_id = ? where id = ?").params(newerSurveyId, id)
			.update();
	}

	/**
	 * The newest survey of the household recorded after the one the phone knew ({@code base}), leaving out surveys
	 * this same device sent: those are not news to it.
	 */
	Optional<Long> newerSurvey(String unitCode, long householdId, long base, UUID deviceId) {
		return jdbc.sql("""
				select s.id from community_survey s where s.unit_code = ? and s.household_id = ? and s.id > ?
				  and not exists (select 1 from community_field_entry e where e.unit_code = s.unit_code and e.kind = 'survey'
				    and e.record_id = s.id and e.device_id = ?)
				order by s.id desc limit 1""")
			.params(unitCode, householdId, base, deviceId).query(Long.class).optional();
	}

	/** Entries waiting for review: the commune's ({@code memberId} null) or one member's, oldest first. */
	List<Row> waiting(String unitCode, @Nullable Long memberId) {
		return jdbc.sql(SELECT + " where e.unit_code = ? and e.status = 'review' and (?::bigint is null or e.member_id = ?)"
				+ " order by e.received_at, e.id limit 200")
			.params(unitCode, memberId, memberId).query(FieldEntryTable::map).list();
	}

	long countWaiting(String unitCode, @Nullable Long memberId) {
		return jdbc.sql("select count(*) from community_field_entry e where e.unit_code = ? and e.status = 'review'"
				+ " and (?::bigint is null or e.member_id = ?)")
			.params(unitCode, memberId, memberId).query(Long.class).single();
	}

	/** Closes a waiting entry; false when someone closed it first. */
	boolean decide(long id, String status, @Nullable Long recordId, String by) {
		return jdbc.sql("""
				update community_field_entry set status = ?, record_id = coalesce(?, record_id), decided_by = ?, decided_at = now()
				where id = ? and status = 'review'""")
			.params(status, recordId, by, id).update() == 1;
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		RecordingSurvey.Answers answers = null;
		if ("survey".equals(rs.getString("kind"))) {
			answers = new RecordingSurvey.Answers(rs.getObject("surveyed_on", LocalDate.class), rs.getInt("smartphones"),
					Survey.Internet.valueOf(rs.getString("internet").toUpperCase(Locale.ROOT)), rs.getBoolean("e_payment"),
					rs.getBoolean("vneid_level2"), rs.getBoolean("uses_app"), rs.getBoolean("in_zalo_group"),
					Survey.Barrier.valueOf(rs.getString("main_barrier").toUpperCase(Locale.ROOT)));
		}
		return new Row(rs.getLong("id"), rs.getObject("client_id", UUID.class), rs.getObject("device_id", UUID.class),
				rs.getLong("member_id"), rs.getString("username"), rs.getString("full_name"), rs.getString("kind"),
				rs.getLong("household_id"), rs.getString("head_name"), rs.getTimestamp("made_at").toInstant(),
				rs.getTimestamp("received_at").toInstant(), rs.getString("status"), rs.getObject("record_id", Long.class),
				rs.getObject("newer_survey_id", Long.class), answers);
	}
}
