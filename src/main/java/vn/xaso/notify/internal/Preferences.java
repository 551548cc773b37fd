package vn.xaso.notify.internal;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.identity.Citizens;

/**
 * A citizen's own channel choices. Without a saved row the defaults apply: e-mail and web push on
 * (each still needs an address / a subscription), Zalo and SMS off (they need a recorded consent).
 * Always looked up by citizen id: citizens have no unit scope.
 */
@Component
public class Preferences {

	private final JdbcClient jdbc;
	private final Citizens citizens;

	Preferences(JdbcClient jdbc, Citizens citizens) {
		this.jdbc = jdbc;
		this.citizens = citizens;
	}

	public record Preference(long citizenId, @Nullable String email, boolean emailEnabled, boolean pushEnabled,
			@Nullable Instant zaloConsentAt, @Nullable Instant smsConsentAt, @Nullable String followUnitCode) {

		public static Preference defaults(long citizenId) {
			return new Preference(citizenId, null, true, true, null, null, null);
		}

		public boolean zalo() {
			return zaloConsentAt != null;
		}

		public boolean sms() {
			return smsConsentAt != null;
		}
	}

	@Transactional(readOnly = true)
	public Preference of(long citizenId) {
		return jdbc.sql("""
				select citizen_id, email, email_enabled, push_enabled, zalo_consent_at, sms_consent_at, follow_unit_code
				from notify_preference where citizen_id = ?""")
			.param(citizenId)
			.query((rs, n) -> new Preference(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
					Outbox.instant(rs.getTimestamp(5)), Outbox.instant(rs.getTimestamp(6)), rs.getString(7)))
			.optional().orElse(Preference.defaults(citizenId));
	}

	@Transactional
	public void save(Preference p) {
		jdbc.sql("""
				insert into notify_preference (citizen_id, email, email_enabled, push_enabled, zalo_consent_at, sms_consent_at,
				                               follow_unit_code, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, now())
				on conflict (citizen_id) do update set email = excluded.email, email_enabled = excluded.email_enabled,
				  push_enabled = excluded.push_enabled, zalo_consent_at = excluded.zalo_consent_at,
				  sms_consent_at = excluded.sms_consent_at, follow_unit_code = excluded.follow_unit_code, updated_at = now()""")
			.params(p.citizenId(), p.email(), p.emailEnabled(), p.pushEnabled(), Outbox.ts(p.zaloConsentAt()),
					Outbox.ts(p.smsConsentAt()), p.followUnitCode())
			.update();
	}

	/** The phone the citizen signs in with (0xxxxxxxxx), if any. */
	@Transactional(readOnly = true)
	public Optional<String> phone(long citizenId) {
		return citizens.verifiedPhone(citizenId);
	}

	/** Citizens who follow the commune's public announcements. */
	@Transactional(readOnly = true)
	public java.util.List<Preference> following(String unitCode) {
		return jdbc.sql("""
				select citizen_id, email, email_enabled, push_enabled, zalo_consent_at, sms_consent_at, follow_unit_code
				from notify_preference where follow_unit_code = ? order by citizen_id""")
			.param(unitCode)
			.query((rs, n) -> new Preference(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
					Outbox.instant(rs.getTimestamp(5)), Outbox.instant(rs.getTimestamp(6)), rs.getString(7)))
			.list();
	}
}
