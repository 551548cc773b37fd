package vn.xaso.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.signing.SigningIdentity.HolderKind;
import vn.xaso.signing.internal.Certificates;
import vn.xaso.signing.internal.KeySigner;
import vn.xaso.signing.internal.MasterKey;

/**
 * PKCS#12 signing identities of a unit, stored in PostgreSQL (row-level security by unit), sealed with
 * the installation's master key and protected by the holder's own password. Every change is in the audit
 * log, in the same transaction.
 */
public class SigningIdentities {

	/** Demo/test certificates an administrator generates are valid this long. */
	public static final Duration GENERATED_VALIDITY = Duration.ofDays(730);
	private static final String COLUMNS = """
			id, unit_code, holder_kind, holder_name, official_username, source, subject, issuer, serial_hex,
			not_before, not_after, active, created_by, created_at""";

	private final JdbcClient jdbc;
	private final MasterKey masterKey;
	private final ApplicationEventPublisher events;

	public SigningIdentities(JdbcClient jdbc, MasterKey masterKey, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<SigningIdentity> list(String unitCode) {
		return jdbc.sql("select " + COLUMNS + " from signing_identity where unit_code = ? order by holder_kind, holder_name, id")
			.param(unitCode)
			.query((rs, n) -> map(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SigningIdentity> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from signing_identity where unit_code = ? and id = ?")
			.params(unitCode, id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Generates a key pair and a self-issued certificate (for demonstrations and tests; real deployments import
	 * the .p12 a licensed CA issued) and stores it protected by {@code password}.
	 */
	@Transactional
	public SigningIdentity generate(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, @Nullable String organisation, char[] password) {
		var name = checkHolder(holderName);
		checkNewPassword(password);
		var keys = Certificates.rsaKeyPair();
		var certificate = Certificates.selfIssued(name, organisation == null ? "" : organisation, keys, GENERATED_VALIDITY);
		var p12 = pkcs12(keys.getPrivate(), List.of(certificate), password);
		return store(unitCode, actor, kind, name, officialUsername, "GENERATED", certificate, p12);
	}

	/** Imports a .p12/.pfx a CA issued; {@code password} is the file's password and stays its protection. */
	@Transactional
	public SigningIdentity importPkcs12(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, byte[] p12, char[] password) {
		var name = checkHolder(holderName);
		if (p12.length == 0) {
			throw SigningException.of("signing.error.p12Missing");
		}
		var entry = load(p12, password);
		var certificate = entry.certificate();
		if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
			throw SigningException.of("signing.error.p12Expired");
		}
		return store(unitCode, actor, kind, name, officialUsername, "IMPORTED", certificate, p12);
	}

	/**
	 * Records a key on a PKCS#11 token (a CA's USB token, an HSM) as a signing identity: the token is opened with
	 * {@code pin}, the key {@code alias} signs a test value, and the library path, slot, token label, alias and the
	 * certificate are stored. The PIN is not stored; it is asked each time something is signed. The library must be
	 * on the installation's allow-list ({@link Pkcs11Tokens#allowedLibraries()}), like every PKCS#11 library.
	 */
	@Transactional
	public SigningIdentity registerPkcs11(String unitCode, String actor, HolderKind kind, String holderName,
			java.nio.file.Path library, long slot, String tokenLabel, String alias, char[] pin) {
		Pkcs11Tokens.requireAllowed(library);
		return registerPkcs11(unitCode, actor, kind, holderName, null, library, slot, tokenLabel, alias, pin);
	}

	/**
	 * Registers a key on a token as the identity of an official (a leader signing batches, issue 21) or of the
	 * organisation (an administrator at /admin/signing). The library must be allowed ({@code xaso.signing.pkcs11-libraries}):
	 * loading a library runs its code. Stored as {@link #registerPkcs11}: library, slot, alias and certificate, never
	 * the PIN. The same key registered twice (a double submit) is one identity.
	 */
	@Transactional
	public SigningIdentity registerToken(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, String library, @Nullable Long slot, @Nullable String alias, char[] pin) {
		var path = Pkcs11Tokens.library(library);
		if (slot == null) {
			throw SigningException.of("signing.error.slotMissing");
		}
		if (pin.length == 0) {
			throw SigningException.of("signing.error.pinMissing");
		}
		var label = Pkcs11Tokens.tokens(path).stream().filter(t -> t.slot() == slot).map(Pkcs11Tokens.Token::label).findFirst()
			.orElseThrow(() -> SigningException.of("signing.error.slotGone", String.valueOf(slot)));
		return registerPkcs11(unitCode, actor, kind, holderName, blankToNull(officialUsername), path, slot, label, alias, pin);
	}

	/**
	 * An official registers their own key on a token as their signing identity (the page "Chữ ký số của tôi"): from
	 * then on it is the one their signatures use, so their earlier personal identities stop being used (audited).
	 */
	@Transactional
	public SigningIdentity registerOwnToken(String unitCode, String username, String fullName, String library,
			@Nullable Long slot, @Nullable String alias, char[] pin) {
		var identity = registerToken(unitCode, username, HolderKind.OFFICIAL, fullName, username, library, slot, alias, pin);
		for (var older : list(unitCode)) {
			if (older.active() && older.id() != identity.id() && older.holderKind() == HolderKind.OFFICIAL
					&& username.equals(older.officialUsername())) {
				deactivate(unitCode, username, older.id());
			}
		}
		return identity;
	}

	private SigningIdentity registerPkcs11(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, java.nio.file.Path library, long slot, @Nullable String tokenLabel,
			@Nullable String alias, char[] pin) {
		var name = checkHolder(holderName);
		if (alias == null || alias.isBlank()) {
			throw SigningException.of("signing.error.keyMissing");
		}
		var signer = Pkcs11Signers.open(library, slot, pin, alias);
		var certificate = signer.certificate();
		if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
			throw SigningException.of("signing.error.tokenKeyExpired", alias);
		}
		signer.sign("XaSo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var path = library.toAbsolutePath().toString();
		var serial = certificate.getSerialNumber().toString(16);
		try {
			// one active identity per key (unique index V202612110201): a double submit, even a concurrent one, adds nothing
			var id = jdbc.sql("""
					insert into signing_identity (unit_code, holder_kind, holder_name, official_username, source, subject,
					  issuer, serial_hex, not_before, not_after, certificate_der, p12_sealed, created_by,
					  pkcs11_library, pkcs11_slot, pkcs11_token_label, pkcs11_alias)
					values (?, ?, ?, ?, 'PKCS11', ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?)
					on conflict (unit_code, pkcs11_library, pkcs11_slot, pkcs11_alias, serial_hex) where active and source = 'PKCS11'
					do nothing returning id""")
				.params(unitCode, kind.name(), name, officialUsername, Certificates.subject(certificate), Certificates.issuer(certificate),
						serial, Timestamp.from(certificate.getNotBefore().toInstant()),
						Timestamp.from(certificate.getNotAfter().toInstant()), certificate.getEncoded(), actor, path, slot, tokenLabel, alias)
				.query(Long.class)
				.optional();
			if (id.isEmpty()) {
				return jdbc.sql("select " + COLUMNS + " from signing_identity where unit_code = ? and source = 'PKCS11' and active"
						+ " and pkcs11_library = ? and pkcs11_slot = ? and pkcs11_alias = ? and serial_hex = ?")
					.params(unitCode, path, slot, alias, serial)
					.query((rs, n) -> map(rs))
					.single();
			}
			events.publishEvent(AuditEvent.of(unitCode, actor, "signing.identity.pkcs11")
				.on("signing_identity", id.get())
				.change(null, kind + " " + name + "; " + library + " slot " + slot + " (" + tokenLabel + "), key " + alias
						+ "; " + Certificates.subject(certificate) + "; until " + certificate.getNotAfter().toInstant()));
			return find(unitCode, id.get()).orElseThrow();
		}
		catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Opens an identity with the holder's password (a token's PIN for a PKCS#11 identity) and returns a signer. Wrong password or an expired
	 * certificate: a {@link SigningException} with a plain Vietnamese message, and nothing is signed.
	 */
	@Transactional(readOnly = true)
	public Signer unlock(String unitCode, long id, char[] password) {
		var row = jdbc.sql("""
				select p12_sealed, active, pkcs11_library, pkcs11_slot, pkcs11_alias, serial_hex
				from signing_identity where unit_code = ? and id = ?""")
			.params(unitCode, id)
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6) })
			.optional()
			.orElseThrow(() -> SigningException.of("signing.error.identityNotFound"));
		if (!(boolean) row[1]) {
			throw SigningException.of("signing.error.identityInactive");
		}
		Signer signer;
		if (row[2] != null) {
			signer = Pkcs11Signers.open(java.nio.file.Path.of((String) row[2]), (Long) row[3], password, (String) row[4]);
			if (!signer.certificate().getSerialNumber().toString(16).equals(row[5])) {
				throw SigningException.of("signing.error.tokenKeyChanged");
			}
		}
		else {
			signer = load(masterKey.open((byte[]) row[0], context(unitCode)), password);
		}
		var certificate = signer.certificate();
		var now = Instant.now();
		if (certificate.getNotAfter().toInstant().isBefore(now)) {
			throw SigningException.of("signing.error.expired", Certificates.commonName(certificate));
		}
		if (certificate.getNotBefore().toInstant().isAfter(now)) {
			throw SigningException.of("signing.error.notYetValid", Certificates.commonName(certificate));
		}
		return signer;
	}

	@Transactional
	public void deactivate(String unitCode, String actor, long id) {
		var identity = find(unitCode, id).orElseThrow(() -> SigningException.of("signing.error.identityNotFound"));
		jdbc.sql("update signing_identity set active = false where unit_code = ? and id = ?").params(unitCode, id).update();
		events.publishEvent(AuditEvent.of(unitCode, actor, "signing.identity.deactivated")
			.on("signing_identity", id)
			.change("active", "inactive: " + identity.holderName()));
	}

	private SigningIdentity store(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, String source, X509Certificate certificate, byte[] p12) {
		try {
			var id = jdbc.sql("""
					insert into signing_identity (unit_code, holder_kind, holder_name, official_username, source, subject,
					  issuer, serial_hex, not_before, not_after, certificate_der, p12_sealed, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(unitCode, kind.name(), holderName, blankToNull(officialUsername), source, Certificates.subject(certificate),
						Certificates.issuer(certificate), certificate.getSerialNumber().toString(16),
						Timestamp.from(certificate.getNotBefore().toInstant()), Timestamp.from(certificate.getNotAfter().toInstant()),
						certificate.getEncoded(), masterKey.seal(p12, context(unitCode)), actor)
				.query(Long.class)
				.single();
			events.publishEvent(AuditEvent.of(unitCode, actor, "signing.identity." + source.toLowerCase())
				.on("signing_identity", id)
				.change(null, kind + " " + holderName + "; " + Certificates.subject(certificate) + "; until "
						+ certificate.getNotAfter().toInstant()));
			return find(unitCode, id).orElseThrow();
		}
		catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String context(String unitCode) {
		return "xaso-signing-p12:" + unitCode;
	}

	private static String checkHolder(@Nullable String holderName) {
		var name = holderName == null ? "" : holderName.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw SigningException.of("signing.error.holder");
		}
		return name;
	}

	private static void checkNewPassword(char[] password) {
		if (password.length < 8) {
			throw SigningException.of("signing.error.newPasswordShort");
		}
	}

	static byte[] pkcs12(PrivateKey key, List<X509Certificate> chain, char[] password) {
		try {
			var store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("signer", key, password, chain.toArray(new X509Certificate[0]));
			var out = new ByteArrayOutputStream();
			store.store(out, password);
			return out.toByteArray();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Reads the first key entry of a PKCS#12 file; a wrong password gives a plain message. */
	static KeySigner load(byte[] p12, char[] password) {
		KeyStore store;
		try {
			store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(p12), password);
		}
		catch (IOException e) {
			if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
				throw SigningException.of("signing.error.password");
			}
			throw SigningException.because(e, "signing.error.notPkcs12");
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.notPkcs12");
		}
		try {
			for (var alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					var key = (PrivateKey) store.getKey(alias, password);
					var chain = new ArrayList<X509Certificate>();
					for (var c : store.getCertificateChain(alias)) {
						chain.add((X509Certificate) c);
					}
					return new KeySigner(key, chain, null);
				}
			}
		}
		catch (java.security.UnrecoverableKeyException e) {
			throw SigningException.of("signing.error.password");
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.p12Unreadable");
		}
		throw SigningException.of("signing.error.p12NoKey");
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static SigningIdentity map(ResultSet rs) throws SQLException {
		return new SigningIdentity(rs.getLong("id"), rs.getString("unit_code"), HolderKind.valueOf(rs.getString("holder_kind")),
				rs.getString("holder_name"), rs.getString("official_username"), rs.getString("source"), rs.getString("subject"),
				rs.getString("issuer"), rs.getString("serial_hex"), rs.getTimestamp("not_before").toInstant(),
				rs.getTimestamp("not_after").toInstant(), rs.getBoolean("active"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}
}
