package vn.xaso.notify.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Browsers' push subscriptions, found by endpoint, by citizen or by followed commune. */
@Component
public class PushSubscriptions {

	private final JdbcClient jdbc;

	PushSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Subscription(long id, String endpoint, String p256dh, String auth, @Nullable Long citizenId, @Nullable String unitCode) {
	}

	private static final String COLUMNS = "id, endpoint, p256dh, auth, citizen_id, unit_code";

	private static Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Long.class),
				rs.getString(6));
	}

	/**
	 * Saves a subscription; the same endpoint again updates its keys. A signed-in citizen's id is
	 * kept (an anonymous re-subscribe of the same browser does not remove it). Returns the row id.
	 */
	@Transactional
	public long save(String endpoint, String p256dh, String auth, @Nullable Long citizenId, @Nullable String unitCode) {
		return jdbc.sql("""
				insert into notify_push_subscription (endpoint, p256dh, auth, citizen_id, unit_code) values (?, ?, ?, ?, ?)
				on conflict (endpoint) do update set p256dh = excluded.p256dh, auth = excluded.auth,
				  citizen_id = coalesce(excluded.citizen_id, notify_push_subscription.citizen_id),
				  unit_code = coalesce(excluded.unit_code, notify_push_subscription.unit_code)
				returning id""")
			.params(endpoint, p256dh, auth, citizenId, unitCode).query(Long.class).single();
	}

	@Transactional
	public boolean delete(String endpoint) {
		return jdbc.sql("delete from notify_push_subscription where endpoint = ?").param(endpoint).update() > 0;
	}

	@Transactional
	public void delete(long id) {
		jdbc.sql("delete from notify_push_subscription where id = ?").param(id).update();
	}

	@Transactional(readOnly = true)
	public Optional<Subscription> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from notify_push_subscription where id = ?").param(id).query(PushSubscriptions::row).optional();
	}

	@Transactional(readOnly = true)
	public Optional<Subscription> byEndpoint(String endpoint) {
		return jdbc.sql("select " + COLUMNS + " from notify_push_subscription where endpoint = ?").param(endpoint)
			.query(PushSubscriptions::row).optional();
	}

	@Transactional(readOnly = true)
	public List<Subscription> ofCitizen(long citizenId) {
		return jdbc.sql("select " + COLUMNS + " from notify_push_subscription where citizen_id = ? order by id").param(citizenId)
			.query(PushSubscriptions::row).list();
	}

	@Transactional(readOnly = true)
	public List<Subscription> following(String unitCode) {
		return jdbc.sql("select " + COLUMNS + " from notify_push_subscription where unit_code = ? order by id").param(unitCode)
			.query(PushSubscriptions::row).list();
	}

	@Transactional
	public void touched(long id) {
		jdbc.sql("update notify_push_subscription set last_sent_at = now() where id = ?").param(id).update();
	}
}
