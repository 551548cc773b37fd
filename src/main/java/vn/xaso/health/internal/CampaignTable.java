package vn.xaso.health.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.health.internal.HealthViews.*;

/** The only SQL of health_campaign and health_campaign_person. */
@Component
class CampaignTable {

	private static final String CAMPAIGN = """
			select c.*, (select count(*) from health_campaign_person p where p.campaign_id = c.id) as people,
			  (select count(*) from health_campaign_person p where p.campaign_id = c.id and p.attended_at is not null) as attended,
			  (select count(*) from health_campaign_person p where p.campaign_id = c.id and p.phone is not null) as reachable
			from health_campaign c""";

	private static final String PERSON = "select id, phone, attended_at, name, birth_year, village, household from health_campaign_person";

	private final JdbcClient jdbc;

	CampaignTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean nameTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from health_campaign where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	/** The campaign of that name the same doctor created since {@code since} (a double submit), if any. */
	Optional<Long> createdJustNow(String unitCode, String name, String by, Instant since) {
		return jdbc.sql("select id from health_campaign where unit_code = ? and xaso_fold(name) = xaso_fold(?) and created_by = ? and created_at >= ?")
			.params(unitCode, name, by, Timestamp.from(since)).query(Long.class).optional();
	}

	long insert(String unitCode, String name, String place, LocalDate startsOn, String by) {
		return jdbc.sql("insert into health_campaign (unit_code, name, place, starts_on, created_by) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, name, place, Date.valueOf(startsOn), by).query(Long.class).single();
	}

	/** Adds the typed phones not on the list yet; how many were added. */
	int addPhones(String unitCode, long id, Collection<String> phones) {
		int added = 0;
		for (var phone : phones) {
			added += jdbc.sql("insert into health_campaign_person (unit_code, campaign_id, phone) values (?, ?, ?) on conflict do nothing")
				.params(unitCode, id, phone).update();
		}
		return added;
	}

	/** Adds the households' people not on the list yet (by community's id of the person); how many were added. */
	int addPeople(String unitCode, long id, Collection<vn.xaso.community.CommunityPeople.Person> people) {
		int added = 0;
		for (var p : people) {
			added += jdbc.sql("""
					insert into health_campaign_person (unit_code, campaign_id, phone, person_key, name, birth_year, village, household)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
				.params(unitCode, id, p.phone(), p.id(), p.name(), p.birthYear(), p.village(), p.headName()).update();
		}
		return added;
	}

	boolean hasPerson(long campaignId, long personId) {
		return jdbc.sql("select exists (select 1 from health_campaign_person where campaign_id = ? and id = ?)").params(campaignId, personId)
			.query(Boolean.class).single();
	}

	/** Marks the person came (now) or not yet; false when it was so already. */
	boolean markPerson(long campaignId, long personId, boolean came, Instant at) {
		return (came ? jdbc.sql("update health_campaign_person set attended_at = ? where campaign_id = ? and id = ? and attended_at is null")
			.params(Timestamp.from(at), campaignId, personId)
				: jdbc.sql("update health_campaign_person set attended_at = null where campaign_id = ? and id = ? and attended_at is not null")
					.params(campaignId, personId)).update() == 1;
	}

	/** The people of the list without a phone to remind, by village, household and name. */
	List<Person> withoutPhone(long campaignId) {
		return jdbc.sql(PERSON + " where campaign_id = ? and phone is null order by village, household, birth_year, name, id").param(campaignId)
			.query(CampaignTable::person).list();
	}

	/** Sets (or with nulls clears) the campaign's public notice. */
	void notice(long id, @org.jspecify.annotations.Nullable Instant at, @org.jspecify.annotations.Nullable Long postId) {
		jdbc.sql("update health_campaign set notice_at = ?, notice_post_id = ? where id = ?").params(at == null ? null : Timestamp.from(at), postId, id)
			.update();
	}

	List<Campaign> all(String unitCode) {
		return jdbc.sql(CAMPAIGN + " where c.unit_code = ? order by c.starts_on desc, c.id desc limit 100").param(unitCode)
			.query(CampaignTable::campaign).list();
	}

	Optional<Campaign> find(String unitCode, long id) {
		return jdbc.sql(CAMPAIGN + " where c.unit_code = ? and c.id = ?").params(unitCode, id).query(CampaignTable::campaign).optional();
	}

	/** Locks the campaign row (one reminder round at a time); true if it was there. */
	boolean lock(String unitCode, long id) {
		return jdbc.sql("select id from health_campaign where unit_code = ? and id = ? for update").params(unitCode, id).query(Long.class)
			.optional().isPresent();
	}

	List<Person> people(long campaignId) {
		return jdbc.sql(PERSON + " where campaign_id = ? order by village nulls first, household, birth_year, name, phone, id").param(campaignId)
			.query(CampaignTable::person).list();
	}

	private static Person person(ResultSet rs, int n) throws SQLException {
		var at = rs.getTimestamp("attended_at");
		return new Person(rs.getLong("id"), rs.getString("phone"), at == null ? null : at.toInstant(), rs.getString("name"),
				(Integer) rs.getObject("birth_year"), rs.getString("village"), rs.getString("household"));
	}

	void reminded(long id, Instant at) {
		jdbc.sql("update health_campaign set reminded_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	/** Records that the person came; false when the phone is not on the campaign's list or was recorded already. */
	boolean attended(long campaignId, String phone, Instant at) {
		return jdbc.sql("update health_campaign_person set attended_at = ? where campaign_id = ? and phone = ? and person_key is null and attended_at is null")
			.params(Timestamp.from(at), campaignId, phone).update() == 1;
	}

	/** The commune's campaigns with a published notice starting on or after {@code since}, soonest first. */
	List<vn.xaso.health.HealthFaq.StationNotice> upcoming(String unitCode, LocalDate since, int limit) {
		return jdbc.sql("select name, place, starts_on from health_campaign where unit_code = ? and starts_on >= ? and notice_at is not null order by starts_on, id limit ?")
			.params(unitCode, Date.valueOf(since), limit)
			.query((rs, n) -> new vn.xaso.health.HealthFaq.StationNotice(rs.getString("name"), rs.getString("place"),
					rs.getDate("starts_on").toLocalDate()))
			.list();
	}

	/** Campaigns that reminded this phone, starting on or after {@code since}, where it was not recorded as come. */
	List<Reminder> remindersFor(String phone, LocalDate since) {
		return jdbc.sql("""
				select c.id, c.unit_code, c.name, c.place, c.starts_on from health_campaign c
				join health_campaign_person p on p.campaign_id = c.id
				where p.phone = ? and p.attended_at is null and c.reminded_at is not null and c.starts_on >= ?
				order by c.starts_on, c.id limit 20""")
			.params(phone, Date.valueOf(since))
			.query((rs, n) -> new Reminder(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"), rs.getString("place"),
					rs.getDate("starts_on").toLocalDate()))
			.list();
	}

	private static Campaign campaign(ResultSet rs, int n) throws SQLException {
		var reminded = rs.getTimestamp("reminded_at");
		return new Campaign(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"), rs.getString("place"),
				rs.getDate("starts_on").toLocalDate(), reminded == null ? null : reminded.toInstant(), rs.getInt("people"), rs.getInt("attended"),
				rs.getInt("reachable"), rs.getTimestamp("notice_at") == null ? null : rs.getTimestamp("notice_at").toInstant());
	}
}
