package vn.xaso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.messaging.TextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Citizen sign-in by phone number and a six-digit code sent through {@link TextMessages}. A code
 * lives five minutes and allows five tries; a new code can be asked for once a minute.
 */
@Service
public class CitizenSignIn {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
	static final Duration RESEND_AFTER = Duration.ofSeconds(60);
	static final int MAX_TRIES = 5;

	private final JdbcClient jdbc;
	private final TextMessages messages;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final TransactionTemplate tx;

	CitizenSignIn(JdbcClient jdbc, TextMessages messages, ApplicationEventPublisher events, TransactionTemplate tx, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.messages = messages;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A code was sent to this number less than a minute ago: not a refusal, the person is sent to
	 * the code screen to type the code they already have.
	 */
	public static final class CodeAlreadySent extends AccountException {

		private final String phone;

		CodeAlreadySent(String phone) {
			super("phone", new Text("identity.error.codeSent"));
			this.phone = phone;
		}

		public String phone() {
			return phone;
		}
	}

	/** Sends a new code; returns the normalised phone number. */
	@Transactional
	public String requestCode(String phoneInput) {
		var phone = PersonalData.normalisePhone(phoneInput);
		if (phone == null) {
			throw AccountException.of("phone", "identity.error.citizenPhone");
		}
		var now = clock.instant();
		var last = jdbc.sql("select created_at from citizen_otp where phone = ?").param(phone).query(Timestamp.class).optional();
		if (last.isPresent() && last.get().toInstant().plus(RESEND_AFTER).isAfter(now)) {
			throw new CodeAlreadySent(phone);
		}
		var code = String.format("%06d", random.nextInt(1_000_000));
		jdbc.sql("""
				insert into citizen_otp (phone, code_hash, expires_at, attempts, created_at) values (?, ?, ?, 0, ?)
				on conflict (phone) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at,
				       attempts = 0, created_at = excluded.created_at""")
			.params(phone, hash(phone, code), Timestamp.from(now.plus(CODE_LIFETIME)), Timestamp.from(now))
			.update();
		// Without diacritics on purpose: plain GSM-7 text fits one SMS on every phone.
		messages.send(phone, "Ma dang nhap Xa So cua ban la " + code + ". Ma dung trong 5 phut. Khong dua ma nay cho ai.");
		return phone;
	}

	/** Checks the code; on success returns the citizen (created on first sign-in). */
	public CitizenPrincipal verify(String phoneInput, String codeInput) {
		var phone = PersonalData.normalisePhone(phoneInput);
		var code = codeInput == null ? "" : codeInput.strip();
		if (phone == null) {
			throw AccountException.of("phone", "identity.error.phone");
		}
		if (!code.matches("[0-9]{6}")) {
			throw AccountException.of("code", "identity.error.codeDigits");
		}
		// A wrong code must still count as a try, so the check commits and any refusal is thrown after.
		var outcome = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(status -> check(phone, code)));
		if (outcome instanceof AccountException refusal) {
			throw refusal;
		}
		return (CitizenPrincipal) outcome;
	}

	private Object check(String phone, String code) {
		var now = clock.instant();
		var row = jdbc.sql("select code_hash, expires_at, attempts from citizen_otp where phone = ? for update")
			.param(phone)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3) })
			.optional()
			.orElse(null);
		if (row == null) {
			return AccountException.of("code", "identity.error.codeNone");
		}
		if (((java.time.Instant) row[1]).isBefore(now)) {
			return AccountException.of("code", "identity.error.codeExpired");
		}
		if ((int) row[2] >= MAX_TRIES) {
			return AccountException.of("code", "identity.error.codeTries");
		}
		if (!MessageDigest.isEqual(((String) row[0]).getBytes(StandardCharsets.US_ASCII),
				hash(phone, code).getBytes(StandardCharsets.US_ASCII))) {
			jdbc.sql("update citizen_otp set attempts = attempts + 1 where phone = ?").param(phone).update();
			return AccountException.of("code", "identity.error.codeWrong");
		}
		jdbc.sql("delete from citizen_otp where phone = ?").param(phone).update();
		var id = jdbc.sql("""
				insert into citizen (phone, last_sign_in_at) values (?, now())
				on conflict (phone) do update set last_sign_in_at = now() returning id""")
			.param(phone)
			.query(Long.class)
			.single();
		var name = jdbc.sql("select coalesce(full_name, '') from citizen where id = ?").param(id).query(String.class).single();
		events.publishEvent(AuditEvent.of(AuditLog.SYSTEM_UNIT, "citizen:" + id, "citizen.signin").on("citizen", id));
		var masked = PersonalData.maskPhone(phone);
		return new CitizenPrincipal(id, name.isBlank() ? masked : name, masked);
	}

	/**
	 * A citizen the OIDC provider has identified: found by (issuer, subject); on first sign-in,
	 * linked to an existing phone account when the provider vouches for that phone number,
	 * otherwise created.
	 */
	public CitizenPrincipal signInWithOidc(String issuer, String subject, @org.jspecify.annotations.Nullable String fullName,
			@org.jspecify.annotations.Nullable String verifiedPhone) {
		var phone = PersonalData.normalisePhone(verifiedPhone);
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(status -> {
			var id = jdbc.sql("select id from citizen where oidc_issuer = ? and oidc_subject = ?")
				.params(issuer, subject).query(Long.class).optional()
				.orElseGet(() -> {
					if (phone != null) {
						var linked = jdbc.sql("update citizen set oidc_issuer = ?, oidc_subject = ? where phone = ? and oidc_subject is null returning id")
							.params(issuer, subject, phone).query(Long.class).optional();
						if (linked.isPresent()) {
							return linked.get();
						}
					}
					var phoneFree = phone != null && !jdbc.sql("select exists (select 1 from citizen where phone = ?)")
						.param(phone).query(Boolean.class).single();
					return jdbc.sql("insert into citizen (phone, oidc_issuer, oidc_subject, full_name) values (?, ?, ?, ?) returning id")
						.params(phoneFree ? phone : null, issuer, subject, fullName).query(Long.class).single();
				});
			jdbc.sql("update citizen set last_sign_in_at = now(), full_name = coalesce(full_name, ?) where id = ?")
				.params(fullName, id).update();
			var row = jdbc.sql("select coalesce(full_name, ''), coalesce(phone, '') from citizen where id = ?").param(id)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
			events.publishEvent(AuditEvent.of(AuditLog.SYSTEM_UNIT, "citizen:" + id, "citizen.signin.oidc").on("citizen", id));
			var masked = PersonalData.maskPhone(row[1]);
			return new CitizenPrincipal(id, row[0].isBlank() ? masked : row[0], masked);
		}));
	}

	/** Creates the citizen with this (normalised) phone if it is new; keeps an existing name. Returns the citizen's id ({@code Citizens.ensure}). */
	public long ensure(String phone, String fullName) {
		return jdbc.sql("""
				insert into citizen (phone, full_name) values (?, ?)
				on conflict (phone) do update set full_name = coalesce(citizen.full_name, excluded.full_name)
				returning id""")
			.params(phone, fullName)
			.query(Long.class)
			.single();
	}

	static String hash(String phone, String code) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest((phone + ":" + code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
