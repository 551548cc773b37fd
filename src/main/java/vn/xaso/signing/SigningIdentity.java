package vn.xaso.signing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stored PKCS#12 signing identity as administrators see it: nothing secret. */
public record SigningIdentity(long id, String unitCode, HolderKind holderKind, String holderName,
		@Nullable String officialUsername, String source, String subject, String issuer, String serialHex, Instant notBefore,
		Instant notAfter, boolean active, String createdBy, Instant createdAt) {

	public enum HolderKind {
		/** A person's signature (chữ ký số cá nhân). */
		OFFICIAL,
		/** The organisation's signature with its seal (chữ ký số cơ quan, tổ chức). */
		ORGANISATION
	}

	public boolean expiredAt(Instant at) {
		return notAfter.isBefore(at);
	}
}
