package vn.xaso.documents.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.Signer;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;

/**
 * The documents module's use of the signing module: which identity signs (the leader's own, the
 * organisation's), unlocking it, signing a PDF and its attachments, and checking the signatures of
 * a stored PDF. A signing failure becomes a {@link DocumentException} on the password field.
 */
@Component
class DocumentSignatures {

	/** What the check of a PDF's signatures stores: one line per signature, and the summary as a message ({@link CheckSummary}). */
	record Check(String lines, String summary) {
	}

	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final SignatureVerification verification;
	private final AttachmentTable attachments;

	DocumentSignatures(SigningIdentities identities, PdfSigning signing, SignatureVerification verification,
			AttachmentTable attachments) {
		this.identities = identities;
		this.signing = signing;
		this.verification = verification;
		this.attachments = attachments;
	}

	/** The leader's own active signing identity valid at {@code now}. */
	SigningIdentity personal(Actor actor, Instant now) {
		return identities.list(actor.unitCode()).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.OFFICIAL
					&& actor.username().equals(i.officialUsername()) && !i.expiredAt(now))
			.min(Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> DocumentException.of("password", "documents.error.noPersonalSignature"));
	}

	/** The commune's active organisation identity valid at {@code now}. */
	SigningIdentity organisation(String unitCode, Instant now) {
		return identities.list(unitCode).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.ORGANISATION && !i.expiredAt(now))
			.min(Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> DocumentException.of("password", "documents.error.noOrganisationSignature"));
	}

	Signer unlock(String unitCode, long identityId, char @Nullable [] password) {
		if (password == null || password.length == 0) {
			throw DocumentException.of("password", "documents.error.password");
		}
		try {
			return identities.unlock(unitCode, identityId, password);
		}
		catch (SigningException e) {
			throw refusal(e);
		}
	}

	byte[] sign(byte[] pdf, Signer signer, SignatureAppearance appearance) {
		try {
			return signing.sign(pdf, signer, appearance);
		}
		catch (SigningException e) {
			throw refusal(e);
		}
	}

	/** A signing refusal as a refusal of the password field, in the reader's language when the signing module named its message. */
	private static DocumentException refusal(SigningException e) {
		return DocumentException.of("password", "documents.error.signing", e.quoted());
	}

	/** {@link #sign} with the appearance placed over the signer's box of page 1, if the PDF has one. */
	byte[] signInBox(byte[] pdf, String signerName, Signer signer, SignatureAppearance appearance) {
		var box = PdfStamps.signerBox(pdf, signerName);
		return sign(pdf, signer, box == null ? appearance.at(0, null)
				: appearance.at(0, new SignatureAppearance.Box(box.x(), box.y(), box.width(), box.height())));
	}

	/**
	 * Signs every attachment of the document being released with the organisation's signer (top right of page 1,
	 * number/symbol and signing time, no image). Runs in the release transaction before the document becomes
	 * released, which the attachment trigger requires. Gives how many were signed.
	 */
	int signAttachments(String unitCode, long documentId, Signer signer, String organisationName, String numberSymbol) {
		var files = attachments.files(unitCode, documentId);
		for (var f : files) {
			attachments.signed(unitCode, f.id(), sign(f.pdf(), signer, SignatureAppearance.attachment(organisationName, numberSymbol)));
		}
		return files.size();
	}

	/** Checks a PDF's signatures; a file DSS cannot read gives a plain reason and no lines. */
	Check check(byte[] pdf) {
		vn.xaso.signing.VerificationReport report;
		try {
			report = verification.verify(pdf);
		}
		catch (SigningException e) {
			return new Check("", CheckSummary.failedBecause(e.key(), e.args()));
		}
		catch (RuntimeException e) {
			return new Check("", CheckSummary.stored(CheckSummary.FAILED));
		}
		var lines = new StringBuilder();
		for (var sig : report.signatures()) {
			lines.append(sig.intact()).append('|').append(sig.trusted()).append('|')
				.append(sig.signingTime() == null ? "" : sig.signingTime().toString()).append('|')
				.append(sig.signerName().replace('\n', ' ').replace('|', '/')).append('\n');
		}
		return new Check(lines.toString(), CheckSummary.stored(report.said()));
	}

	static List<Documents.SignatureLine> parseCheck(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return text.lines().filter(l -> !l.isBlank()).map(l -> {
			var p = l.split("\\|", 4);
			return new Documents.SignatureLine(p[3], Boolean.parseBoolean(p[0]), Boolean.parseBoolean(p[1]),
					p[2].isEmpty() ? null : OffsetDateTime.parse(p[2]));
		}).toList();
	}
}
