package vn.xaso.signing;

import java.time.Instant;

/** A CA certificate that validation trusts (a national root CA in production). */
public record TrustAnchor(long id, String sha256, String subject, String issuer, Instant notBefore, Instant notAfter,
		String addedByUnit, String addedBy, Instant addedAt) {
}
