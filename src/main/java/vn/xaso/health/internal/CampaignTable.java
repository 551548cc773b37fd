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
			  (select count(*) from health_campaign_person p where p.campaign_id = c.id and p.attended_at is not null) as attended
			from health_campaign c""";

	private final JdbcClient jdbc;

	CampaignTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean nameTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from health_campaign where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	long insert(String unitCode, String name, String place, LocalDate startsOn, String by, Collection<String> phones) {
		long id = jdbc.sql("insert into health_campaign (unit_code, name, place, starts_on, created_by) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, name, place, Date.valueOf(startsOn), by).query(Long.class).single();
		for (var phone : phones) {
			jdbc.sql("insert into health_campaign_person (unit_code, campaign_id, phone) values (?, ?, ?) on conflict do nothing")
				.params(unitCode, id, phone).update();
		}
		return id;
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
		return jdbc.sql("select id, phone, attended_at from health_campaign_person where campaign_id = ? order by phone").param(campaignId)
			.query((rs, n) -> {
				var at = rs.getTimestamp("attended_at");
				return new Person(rs.getLong("id"), rs.getString("phone"), at == null ? null : at.toInstant());
			}).list();
	}

	void reminded(long id, Instant at) {
		jdbc.sql("update health_campaign set reminded_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	/** Records that the person came; false when the phone is not on the campaign's list or was recorded already. */
	boolean attended(long campaignId, String phone, Instant at) {
		return jdbc.sql("update health_campaign_person set attended_at = ? where campaign_id = ? and phone = ? and attended_at is null")
			.params(Timestamp.from(at), campaignId, phone).update() == 1;
	}

	/** The commune's campaigns starting on or after {@code since}, soonest first, as public notices. */
	List<vn.xaso.health.HealthFaq.StationNotice> upcoming(String unitCode, LocalDate since, int limit) {
		return jdbc.sql("select name, place, starts_on from health_campaign where unit_code = ? and starts_on >= ? order by starts_on, id limit ?")
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
				rs.getDate("starts_on").toLocalDate(), reminded == null ? null : reminded.toInstant(), rs.getInt("people"), rs.getInt("attended"));
	}
}
