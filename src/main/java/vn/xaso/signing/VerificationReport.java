package vn.xaso.signing;

import java.time.OffsetDateTime;
import java.util.List;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/**
 * What EU DSS found in one PDF: one entry per signature, and a one-sentence summary in Vietnamese ({@link #summary()};
 * {@link #summary(Locale)} in the reader's language, {@link #said()} as a message to keep and say later).
 */
public record VerificationReport(List<SignatureReport> signatures, String summary) {

	/** The summary as a message of the signing bundle with its arguments (what a register keeps, not its words). */
	public Refusal.Quoted said() {
		return summaryOf(signatures);
	}

	/** The summary in {@code locale}. */
	public String summary(Locale locale) {
		var said = said();
		return Refusal.textIn(said.bundle(), locale, said.key(), said.args());
	}

	static Refusal.Quoted summaryOf(List<SignatureReport> reports) {
		if (reports.isEmpty()) {
			return new Refusal.Quoted(SigningException.BUNDLE, "signing.text.summary.none");
		}
		long intact = reports.stream().filter(SignatureReport::intact).count();
		long trusted = reports.stream().filter(SignatureReport::trusted).count();
		if (intact < reports.size()) {
			return new Refusal.Quoted(SigningException.BUNDLE, "signing.text.summary.broken", String.valueOf(reports.size()),
					String.valueOf(reports.size() - intact));
		}
		return new Refusal.Quoted(SigningException.BUNDLE, "signing.text.summary.intact", String.valueOf(reports.size()),
				String.valueOf(trusted));
	}

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

		/** {@link #verdict()} in {@code locale}. */
		public String verdict(Locale locale) {
			return verdictIn(locale, intact, coversWholeDocument, trusted);
		}
	}

	static String verdictIn(Locale locale, boolean intact, boolean whole, boolean trusted) {
		if (!intact) {
			return Refusal.textIn(SigningException.BUNDLE, locale, "signing.text.verdict.broken");
		}
		return String.join(" ", Refusal.textIn(SigningException.BUNDLE, locale, "signing.text.verdict.intact"),
				Refusal.textIn(SigningException.BUNDLE, locale, whole ? "signing.text.verdict.whole" : "signing.text.verdict.added"),
				Refusal.textIn(SigningException.BUNDLE, locale, trusted ? "signing.text.verdict.trusted" : "signing.text.verdict.untrusted"));
	}

	public record CertificateSummary(String subject, String issuer, String serialNumber, OffsetDateTime notBefore,
			OffsetDateTime notAfter) {
	}

	/** The RFC 3161 signature time-stamp, when there is one. */
	public record TimestampSummary(OffsetDateTime time, boolean intact, @Nullable String authority) {
	}
}
