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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
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

	/** PKCS#11 libraries a token may be opened with when {@code xaso.signing.pkcs11-libraries} is not set. */
	public static final List<String> DEFAULT_PKCS11_LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
			"/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so");

	private final JdbcClient jdbc;
	private final MasterKey masterKey;
	private final AuditLog audit;
	private final List<String> pkcs11Libraries;

	public SigningIdentities(JdbcClient jdbc, MasterKey masterKey, AuditLog audit) {
		this(jdbc, masterKey, audit, DEFAULT_PKCS11_LIBRARIES);
	}

	public SigningIdentities(JdbcClient jdbc, MasterKey masterKey, AuditLog audit, List<String> pkcs11Libraries) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
		this.audit = audit;
		this.pkcs11Libraries = List.copyOf(pkcs11Libraries);
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
			throw new SigningException("Hãy chọn tệp chữ ký số (.p12 hoặc .pfx).");
		}
		var entry = load(p12, password);
		var certificate = entry.certificate();
		if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
			throw new SigningException("Chứng thư số trong tệp đã hết hạn; không nhập.");
		}
		return store(unitCode, actor, kind, name, officialUsername, "IMPORTED", certificate, p12);
	}

	/**
	 * Records a key on a PKCS#11 token (a CA's USB token, an HSM) as a signing identity: the token is opened with
	 * {@code pin}, the key {@code alias} signs a test value, and the library path, slot, token label, alias and the
	 * certificate are stored. The PIN is not stored; it is asked each time something is signed.
	 */
	@Transactional
	public SigningIdentity registerPkcs11(String unitCode, String actor, HolderKind kind, String holderName,
			java.nio.file.Path library, long slot, String tokenLabel, String alias, char[] pin) {
		return registerPkcs11(unitCode, actor, kind, holderName, null, library, slot, tokenLabel, alias, pin);
	}

	/**
	 * Registers an official's own key on a PKCS#11 token (a leader signing batches, issue 21). The library must be one
	 * the installation allows ({@code xaso.signing.pkcs11-libraries}): loading a library runs its code. Stored as
	 * {@link #registerPkcs11}: library, slot, alias and certificate, never the PIN.
	 */
	@Transactional
	public SigningIdentity registerToken(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, String library, @Nullable Long slot, @Nullable String alias, char[] pin) {
		if (!pkcs11Libraries.contains(library)) {
			throw new SigningException("Thư viện PKCS#11 \"" + library + "\" chưa được phép dùng trên máy chủ này (xaso.signing.pkcs11-libraries).");
		}
		if (slot == null) {
			throw new SigningException("Hãy chọn thiết bị ký số (khe) trong danh sách.");
		}
		return registerPkcs11(unitCode, actor, kind, holderName, blankToNull(officialUsername), java.nio.file.Path.of(library), slot,
				null, alias, pin);
	}

	private SigningIdentity registerPkcs11(String unitCode, String actor, HolderKind kind, String holderName,
			@Nullable String officialUsername, java.nio.file.Path library, long slot, @Nullable String tokenLabel, String alias,
			char[] pin) {
		var name = checkHolder(holderName);
		if (alias == null || alias.isBlank()) {
			throw new SigningException("Hãy chọn khóa ký số trên thiết bị.");
		}
		var signer = Pkcs11Signers.open(library, slot, pin, alias);
		var certificate = signer.certificate();
		if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
			throw new SigningException("Chứng thư số của khóa " + alias + " đã hết hạn; không dùng được.");
		}
		signer.sign("XaSo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var same = jdbc.sql("""
				select id from signing_identity where unit_code = ? and source = 'PKCS11' and active and pkcs11_library = ?
				  and pkcs11_slot = ? and pkcs11_alias = ? and serial_hex = ?""")
			.params(unitCode, library.toAbsolutePath().toString(), slot, alias, certificate.getSerialNumber().toString(16))
			.query(Long.class)
			.optional();
		if (same.isPresent()) {
			return find(unitCode, same.get()).orElseThrow();
		}
		try {
			var id = jdbc.sql("""
					insert into signing_identity (unit_code, holder_kind, holder_name, official_username, source, subject,
					  issuer, serial_hex, not_before, not_after, certificate_der, p12_sealed, created_by,
					  pkcs11_library, pkcs11_slot, pkcs11_token_label, pkcs11_alias)
					values (?, ?, ?, ?, 'PKCS11', ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?) returning id""")
				.params(unitCode, kind.name(), name, officialUsername, Certificates.subject(certificate), Certificates.issuer(certificate),
						certificate.getSerialNumber().toString(16), Timestamp.from(certificate.getNotBefore().toInstant()),
						Timestamp.from(certificate.getNotAfter().toInstant()), certificate.getEncoded(), actor,
						library.toAbsolutePath().toString(), slot, tokenLabel, alias)
				.query(Long.class)
				.single();
			audit.record(AuditEvent.of(unitCode, actor, "signing.identity.pkcs11")
				.on("signing_identity", id)
				.change(null, kind + " " + name + "; " + library + " khe " + slot + " (" + tokenLabel + "), khóa " + alias
						+ "; " + Certificates.subject(certificate) + "; hết hạn " + certificate.getNotAfter().toInstant()));
			return find(unitCode, id).orElseThrow();
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
			.orElseThrow(() -> new SigningException("Không tìm thấy chữ ký số này."));
		if (!(boolean) row[1]) {
			throw new SigningException("Chữ ký số này đã ngừng sử dụng.");
		}
		Signer signer;
		if (row[2] != null) {
			signer = Pkcs11Signers.open(java.nio.file.Path.of((String) row[2]), (Long) row[3], password, (String) row[4]);
			if (!signer.certificate().getSerialNumber().toString(16).equals(row[5])) {
				throw new SigningException("Khóa trên thiết bị ký số không còn là khóa đã đăng ký (chứng thư số khác). Không có gì được ký.");
			}
		}
		else {
			signer = load(masterKey.open((byte[]) row[0], context(unitCode)), password);
		}
		var certificate = signer.certificate();
		var now = Instant.now();
		if (certificate.getNotAfter().toInstant().isBefore(now)) {
			throw new SigningException("Chứng thư số của " + Certificates.commonName(certificate)
					+ " đã hết hạn; không ký được. Hãy gia hạn hoặc nhập chứng thư số mới.");
		}
		if (certificate.getNotBefore().toInstant().isAfter(now)) {
			throw new SigningException("Chứng thư số của " + Certificates.commonName(certificate) + " chưa có hiệu lực.");
		}
		return signer;
	}

	@Transactional
	public void deactivate(String unitCode, String actor, long id) {
		var identity = find(unitCode, id).orElseThrow(() -> new SigningException("Không tìm thấy chữ ký số này."));
		jdbc.sql("update signing_identity set active = false where unit_code = ? and id = ?").params(unitCode, id).update();
		audit.record(AuditEvent.of(unitCode, actor, "signing.identity.deactivated")
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
			audit.record(AuditEvent.of(unitCode, actor, "signing.identity." + source.toLowerCase())
				.on("signing_identity", id)
				.change(null, kind + " " + holderName + "; " + Certificates.subject(certificate) + "; hết hạn "
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
			throw new SigningException("Hãy nhập tên người hoặc cơ quan giữ chữ ký số (tối đa 200 ký tự).");
		}
		return name;
	}

	private static void checkNewPassword(char[] password) {
		if (password.length < 8) {
			throw new SigningException("Mật khẩu bảo vệ chữ ký số phải có ít nhất 8 ký tự.");
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
				throw new SigningException("Mật khẩu chữ ký số không đúng. Không có gì được ký.");
			}
			throw new SigningException("Tệp không phải là tệp chữ ký số PKCS#12 (.p12/.pfx) hợp lệ.", e);
		}
		catch (Exception e) {
			throw new SigningException("Tệp không phải là tệp chữ ký số PKCS#12 (.p12/.pfx) hợp lệ.", e);
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
			throw new SigningException("Mật khẩu chữ ký số không đúng. Không có gì được ký.");
		}
		catch (Exception e) {
			throw new SigningException("Không đọc được khóa trong tệp PKCS#12.", e);
		}
		throw new SigningException("Tệp PKCS#12 không chứa khóa bí mật.");
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
