package vn.xaso.dossiers.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.identity.Role;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;

/**
 * The clerk or one-stop officer adds the commune's seal (the organisation's digital signature, beside the leader's)
 * to a signed result; a signed result goes out to the desk only sealed, like any released document (issue 21).
 */
@Component
class SealingResult {

	private final DossierWork work;
	private final ResultTable results;
	private final DossierTable table;
	private final AttachmentTable files;
	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final ApplicationEventPublisher events;

	SealingResult(DossierWork work, ResultTable results, DossierTable table, AttachmentTable files, SigningIdentities identities,
			PdfSigning signing, ApplicationEventPublisher events) {
		this.work = work;
		this.results = results;
		this.table = table;
		this.files = files;
		this.identities = identities;
		this.signing = signing;
		this.events = events;
	}

	/** Seals the signed result (in the official's transaction). */
	void seal(Caller official, long dossierId, char[] password) {
		var row = table.lockOfficial(official, dossierId);
		var signer = table.resultSigner(row.id());
		if (!canSeal(official, row.state(), signer.isPresent(), results.sealed(row.id()))) {
			throw Texts.refused("password", official.has(Role.CLERK) || official.has(Role.ONE_STOP) ? "dossiers.error.seal.notReady"
					: "dossiers.error.seal.notAllowed");
		}
		if (password == null || password.length == 0) {
			throw Texts.refused("password", "dossiers.error.seal.password");
		}
		var organisation = identities.list(row.unitCode()).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.ORGANISATION && !i.expiredAt(work.now()))
			.min(Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> Texts.refused("password", "dossiers.error.seal.noIdentity"));
		try {
			var key = identities.unlock(row.unitCode(), organisation.id(), password);
			var pdf = table.resultPdf(row.id()).orElseThrow();
			var box = signer.get().isEmpty() ? null : SignerBox.find(pdf, signer.get());
			var sealed = signing.sign(pdf, key, SignatureAppearance.organisation(organisation.holderName()).at(0, box));
			table.resultResigned(row.id(), sealed);
			files.replaceResult(row.id(), "ket-qua-" + row.code() + ".pdf", sealed);
			results.markSealed(row.id(), row.unitCode(), official.username());
			events.publishEvent(AuditEvent.of(row.unitCode(), official.username(), "dossier.result.sealed").on("dossier", row.id())
				.change(null, Texts.vi("dossiers.text.result.sealedWith", organisation.holderName())));
		}
		catch (SigningException e) {
			throw new DossierException("password", e.getMessage());
		}
	}

	/** Refuses to release a signed result that has no seal yet (called by {@link ReleasingResult}, in its transaction). */
	void requireSealed(long dossierId) {
		if (table.resultSigner(dossierId).isPresent() && !results.sealed(dossierId)) {
			throw Texts.refused("", "dossiers.error.seal.required");
		}
	}

	boolean sealed(long dossierId) {
		return results.sealed(dossierId);
	}

	static boolean canSeal(Caller official, String state, boolean signed, boolean sealed) {
		return (official.has(Role.CLERK) || official.has(Role.ONE_STOP)) && signed && List.of("approved", "result_ready").contains(state)
				&& !sealed;
	}
}
