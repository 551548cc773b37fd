package vn.xaso.dossiers;

import java.time.Instant;

import vn.xaso.signing.VerificationReport;

/**
 * A signed result found by the token printed in its QR code: the dossier code, the procedure, when it was signed,
 * the stored signed PDF and the signature check of that PDF.
 */
public record VerifiedResult(String dossierCode, String procedureName, String title, Instant signedAt, String signedBy,
		byte[] pdf, VerificationReport report) {
}
