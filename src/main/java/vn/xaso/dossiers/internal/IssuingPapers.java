package vn.xaso.dossiers.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.platform.PersonalData;

/**
 * The slips a dossier gives its applicant: the receipt and appointment (phiếu tiếp nhận và hẹn trả kết quả, with a
 * QR to the public tracking page) and the apology and new appointment of the last reschedule.
 */
@Component
class IssuingPapers {

	private final DossierWork work;
	private final DossierTable table;
	private final DossierViews views;
	private final DossierProcedures procedures;
	private final Commune commune;
	private final PublicAddress publicUrl;
	private final ApologyTable apologies;

	IssuingPapers(DossierWork work, DossierTable table, DossierViews views, DossierProcedures procedures, Commune commune,
			PublicAddress publicUrl, ApologyTable apologies) {
		this.work = work;
		this.table = table;
		this.views = views;
		this.procedures = procedures;
		this.commune = commune;
		this.publicUrl = publicUrl;
		this.apologies = apologies;
	}

	byte[] receiptPdf(Caller caller, long dossierId) {
		return work.as(caller, () -> {
			var row = table.visible(caller, dossierId).orElseThrow(DossierNotFound::new);
			if (row.code() == null) {
				throw Texts.refused("", "dossiers.error.noReceiptYet");
			}
			var d = views.get(row.id());
			var procedure = procedures.of(row);
			var papers = ReceiptPapers.names(d.files(), procedure.papers());
			var time = switch (procedure.slaKind()) {
				case "SAME_DAY" -> Texts.vi("dossiers.text.sameDay");
				case "WORKING_HOURS" -> Texts.vi("dossiers.text.workingHours", String.valueOf(procedure.slaAmount()));
				default -> Texts.vi("dossiers.text.workingDays", String.valueOf(procedure.slaAmount()));
			};
			var issuer = commune.issuer(row.unitCode());
			return Pdfs.receipt(new Pdfs.ReceiptData(issuer, row.code(), d.applicant().name(), d.applicant().address(),
					PersonalData.maskPhone(d.applicant().phone()), d.applicant().email(), row.procedureName(), papers, time,
					row.receivedAt() != null ? row.receivedAt() : row.submittedAt(), d.dueDate(),
					Texts.vi("dossiers.text.returnPlace", issuer.communeName()), views.receiver(row),
					publicUrl.base() + "/dossiers/track?code=" + row.code(), row.feeVnd()));
		});
	}

	Optional<byte[]> apologyPdf(Caller caller, long dossierId) {
		return work.as(caller, () -> table.visible(caller, dossierId).flatMap(r -> apologies.last(r.id())));
	}
}
