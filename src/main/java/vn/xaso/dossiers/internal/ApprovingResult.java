package vn.xaso.dossiers.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Upload;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;

/**
 * "approve": the leader signs the result with their personal digital signature (unlocked by its password); the
 * signed PDF is kept on the dossier with its verification token, and among its files.
 */
@Component
class ApprovingResult implements OfficialStep {

	private static final Logger log = LoggerFactory.getLogger(ApprovingResult.class);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final ResultToSign toSign;
	private final DossierTable table;
	private final AttachmentTable attachments;

	ApprovingResult(SigningIdentities identities, PdfSigning signing, ResultToSign toSign, DossierTable table, AttachmentTable attachments) {
		this.identities = identities;
		this.signing = signing;
		this.toSign = toSign;
		this.table = table;
		this.attachments = attachments;
	}

	@Override
	public Set<String> actions() {
		return Set.of("approve");
	}

	@Override
	public String take(Dossier dossier, String action, Caller leader, ActionRequest request, String note, Instant now) {
		var row = dossier.row();
		var password = request.signingPassword();
		if (password == null || password.length == 0) {
			throw Texts.refused("signingPassword", "dossiers.error.signingPassword");
		}
		var identity = identities.list(row.unitCode()).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.OFFICIAL && leader.username().equals(i.officialUsername())
					&& !i.expiredAt(now))
			.min(Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> Texts.refused("signingPassword", "dossiers.error.noPersonalSignature"));
		try {
			var signer = identities.unlock(row.unitCode(), identity.id(), password);
			var token = newToken();
			var pdf = toSign.pdf(row, identity.holderName(), token, now);
			var signed = signing.sign(pdf, signer,
					SignatureAppearance.personal(identity.holderName()).at(0, SignerBox.find(pdf, identity.holderName())));
			dossier.approve(identity.holderName(), now);
			table.signed(row.id(), signed, identity.holderName(), token, now);
			attachments.insert(row.unitCode(), row.id(), new Upload("ket-qua-" + row.code() + ".pdf", signed, "ket-qua"), "application/pdf",
					false, true, leader.username());
			log.info("Dossier {} result signed ({}), procedure {}", row.code(), row.resultTemplate(), row.procedureCode());
		}
		catch (SigningException e) {
			throw new DossierException("signingPassword", e.getMessage());
		}
		return note;
	}

	private static String newToken() {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
