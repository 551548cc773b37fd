package vn.xaso.signing;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import vn.xaso.platform.Refusal;
import vn.xaso.signing.VerificationReport.CertificateSummary;
import vn.xaso.signing.VerificationReport.SignatureReport;
import vn.xaso.signing.VerificationReport.TimestampSummary;
import vn.xaso.signing.internal.PdfChecks;

/**
 * Checks every signature of a PDF with EU DSS. Offline by design: no AIA, OCSP or CRL is fetched, so trust
 * means "chains to a certificate the administrators uploaded as a trust anchor", and revocation is not
 * checked.
 */
public class SignatureVerification {

	private final Supplier<List<X509Certificate>> trustAnchors;
	private final int maxUploadMegabytes;

	public SignatureVerification(Supplier<List<X509Certificate>> trustAnchors, int maxUploadMegabytes) {
		this.trustAnchors = trustAnchors;
		this.maxUploadMegabytes = maxUploadMegabytes;
	}

	public int maxUploadMegabytes() {
		return maxUploadMegabytes;
	}

	/** Verifies a PDF; throws {@link PdfRejectedException} with a plain reason for files it cannot check. */
	public VerificationReport verify(byte[] pdf) {
		PdfChecks.checkSize(pdf.length, maxUploadMegabytes);
		PdfChecks.check(pdf);
		var verifier = new CommonCertificateVerifier();
		verifier.setAIASource(null);
		verifier.setOcspSource(null);
		verifier.setCrlSource(null);
		var silent = new SilentOnStatusAlert();
		verifier.setAlertOnMissingRevocationData(silent);
		verifier.setAlertOnInvalidTimestamp(silent);
		verifier.setAlertOnRevokedCertificate(silent);
		verifier.setAlertOnExpiredCertificate(silent);
		verifier.setAlertOnNotYetValidCertificate(silent);
		verifier.setAlertOnUncoveredPOE(silent);
		verifier.setAlertOnNoRevocationAfterBestSignatureTime(silent);
		verifier.setAlertOnInvalidSignature(silent);
		var trusted = new CommonTrustedCertificateSource();
		for (var anchor : trustAnchors.get()) {
			trusted.addCertificate(new CertificateToken(anchor));
		}
		verifier.setTrustedCertSources(trusted);

		var validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
		validator.setPdfObjFactory(new PdfBoxNativeObjectFactory());
		validator.setCertificateVerifier(verifier);
		DiagnosticData data;
		try {
			data = new DiagnosticData(validator.getDiagnosticData());
		}
		catch (RuntimeException e) {
			throw PdfRejectedException.rejected("signing.error.pdfSignatures");
		}
		var reports = new ArrayList<SignatureReport>();
		for (var signature : data.getSignatures()) {
			reports.add(report(signature, pdf.length));
		}
		return new VerificationReport(reports, summary(reports));
	}

	private static SignatureReport report(SignatureWrapper signature, long fileLength) {
		var certificate = signature.getSigningCertificate();
		boolean digestsIntact = !signature.getDigestMatchers().isEmpty()
				&& signature.getDigestMatchers().stream().allMatch(m -> m.isDataFound() && m.isDataIntact());
		boolean intact = digestsIntact && signature.isSignatureIntact() && signature.isSignatureValid();
		var revision = signature.getPDFRevision();
		boolean whole = false;
		if (revision != null) {
			var range = revision.getSignatureByteRange();
			if (range != null && range.size() == 4) {
				whole = range.get(2).add(range.get(3)).equals(BigInteger.valueOf(fileLength));
			}
		}
		boolean trusted = intact && certificate != null && signature.getCertificateChain().stream().anyMatch(CertificateWrapper::isTrusted);
		var name = certificate != null && certificate.getCommonName() != null ? certificate.getCommonName()
				: revision != null && revision.getSignerName() != null ? revision.getSignerName() : said("signing.text.unknownSigner");
		CertificateSummary certificateSummary = certificate == null ? null
				: new CertificateSummary(certificate.getCertificateDN(), certificate.getCertificateIssuerDN(),
						certificate.getSerialNumber(), time(certificate.getNotBefore()), time(certificate.getNotAfter()));
		TimestampSummary timestamp = signature.getSignatureTimestamps().stream().findFirst()
			.map(t -> new TimestampSummary(time(t.getProductionTime()), t.isMessageImprintDataIntact() && t.isSignatureIntact(),
					t.getSigningCertificate() == null ? null : t.getSigningCertificate().getCommonName()))
			.orElse(null);
		var signingTime = timestamp != null ? timestamp.time() : nullableTime(signature.getClaimedSigningTime());
		var format = signature.getSignatureFormat() == null ? "" : signature.getSignatureFormat().toString();
		return new SignatureReport(name, intact, whole, signingTime, trusted, format, certificateSummary, timestamp,
				verdict(intact, whole, trusted));
	}

	private static String verdict(boolean intact, boolean whole, boolean trusted) {
		return VerificationReport.verdictIn(java.util.Locale.ROOT, intact, whole, trusted);
	}

	private static String summary(List<SignatureReport> reports) {
		var said = VerificationReport.summaryOf(reports);
		return said(said.key(), said.args());
	}

	/**
	 * A sentence of the report in Vietnamese from the signing bundle (the API's answer, callers without a locale); pages
	 * show the report's {@code summary(locale)} and {@code verdict(locale)}, a register keeps {@code said()}.
	 */
	private static String said(String key, Object... args) {
		return Refusal.bundleText("i18n/signing", key, args);
	}

	private static OffsetDateTime time(Date date) {
		return date.toInstant().atOffset(PdfSigning.VIETNAM);
	}

	private static @Nullable OffsetDateTime nullableTime(@Nullable Date date) {
		return date == null ? null : time(date);
	}

}
