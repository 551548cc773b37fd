package vn.xaso.signing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.signing.internal.Certificates;

/** The installation's trust anchors: CA certificates (PEM or DER) administrators upload, checked by content. */
public class TrustAnchors {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	public TrustAnchors(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<TrustAnchor> list() {
		return jdbc.sql("""
				select id, sha256_hex, subject, issuer, not_before, not_after, added_by_unit, added_by, added_at
				from signing_trust_anchor order by subject, id""")
			.query((rs, n) -> new TrustAnchor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public List<java.security.cert.X509Certificate> certificates() {
		return jdbc.sql("select der from signing_trust_anchor").query((rs, n) -> Certificates.fromDer(rs.getBytes(1))).list();
	}

	/** Adds every CA certificate in the file; returns the ones that were new. */
	@Transactional
	public List<TrustAnchor> add(String unitCode, String actor, byte[] content) {
		var added = new ArrayList<TrustAnchor>();
		for (var certificate : Certificates.parse(content)) {
			boolean selfSigned = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
			if (certificate.getBasicConstraints() < 0 && !selfSigned) {
				throw SigningException.of("signing.error.notCa", Certificates.subject(certificate));
			}
			byte[] der;
			try {
				der = certificate.getEncoded();
			}
			catch (java.security.cert.CertificateEncodingException e) {
				throw SigningException.because(e, "signing.error.certificateBroken");
			}
			var sha = Certificates.sha256(der);
			var id = jdbc.sql("""
					insert into signing_trust_anchor (sha256_hex, subject, issuer, not_before, not_after, der, added_by_unit, added_by)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (sha256_hex) do nothing returning id""")
				.params(sha, Certificates.subject(certificate), Certificates.issuer(certificate),
						Timestamp.from(certificate.getNotBefore().toInstant()), Timestamp.from(certificate.getNotAfter().toInstant()), der,
						unitCode, actor)
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				events.publishEvent(AuditEvent.of(unitCode, actor, "signing.trust-anchor.added")
					.on("signing_trust_anchor", id.get())
					.change(null, Certificates.subject(certificate) + "; SHA-256 " + sha));
				list().stream().filter(a -> a.id() == id.get()).findFirst().ifPresent(added::add);
			}
		}
		return added;
	}

	/** Removes an anchor the caller's unit added; returns false when there is none such. */
	@Transactional
	public boolean remove(String unitCode, String actor, long id) {
		var subject = jdbc.sql("delete from signing_trust_anchor where id = ? and added_by_unit = ? returning subject")
			.params(id, unitCode)
			.query(String.class)
			.optional();
		subject.ifPresent(s -> events.publishEvent(AuditEvent.of(unitCode, actor, "signing.trust-anchor.removed")
			.on("signing_trust_anchor", id)
			.change(s, null)));
		return subject.isPresent();
	}
}
