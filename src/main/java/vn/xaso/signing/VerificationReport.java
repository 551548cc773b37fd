package vn.xaso.signing;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What EU DSS found in one PDF: one entry per signature, and a one-sentence summary in Vietnamese.
 */
public record VerificationReport(List<SignatureReport> signatures, String summary) {

	/**
	 * One signature.
	 *
	 * @param intact the signed bytes are exactly those the signer signed, and the cryptographic signature
	 *        matches the signer's certificate
	 * @param coversWholeDocument the signature covers the whole file: nothing was added after signing
	 * @param trusted the signer's certificate chains to a trust anchor the administrators uploaded
	 * @param format the PAdES level DSS recognised, e.g. {@code PAdES-BASELINE-B}
	 * @param verdict a plain Vietnamese sentence for this signature
	 */
	public record SignatureReport(String signerName, boolean intact, boolean coversWholeDocument,
			@Nullable OffsetDateTime signingTime, boolean trusted, String format, @Nullable CertificateSummary certificate,
			@Nullable TimestampSummary timestamp, String verdict) {
	}

	public record CertificateSummary(String subject, String issuer, String serialNumber, OffsetDateTime notBefore,
			OffsetDateTime notAfter) {
	}

	/** The RFC 3161 signature time-stamp, when there is one. */
	public record TimestampSummary(OffsetDateTime time, boolean intact, @Nullable String authority) {
	}
}
