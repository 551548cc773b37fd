package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;

import vn.xaso.platform.web.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The result as filled and previewed ({@link FillingResult}), made ready for the leader's signature: refused while
 * a field is blank; with the civil-status register number and the QR to its public verification page.
 */
@Component
class ResultToSign {

	private final FillingResult results;
	private final DossierProcedures procedures;
	private final Commune commune;
	private final PublicAddress publicUrl;
	private final DossierTable table;

	ResultToSign(FillingResult results, DossierProcedures procedures, Commune commune, PublicAddress publicUrl, DossierTable table) {
		this.results = results;
		this.procedures = procedures;
		this.commune = commune;
		this.publicUrl = publicUrl;
		this.table = table;
	}

	byte[] pdf(DossierTable.Row row, String signerName, String verifyToken, Instant now) {
		var procedure = procedures.of(row);
		return results.forSigning(row.id(), row.unitCode(), new Pdfs.ResultData(commune.issuer(row.unitCode()), row.resultTemplate(),
				row.code(), row.procedureName(), table.form(row.id()), procedure.labels(), row.applicantName(),
				table.applicantCccd(row.id()), Texts.vi("dossiers.text.chairman"), signerName, LocalDate.ofInstant(now, Sla.VIETNAM),
				publicUrl.base() + "/verify/" + verifyToken));
	}
}
