package vn.xaso.dossiers.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierFile;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.PersonalPaper;
import vn.xaso.dossiers.Upload;
import vn.xaso.platform.PersonalData;

/**
 * Preparing a dossier's papers: the citizen's online draft (start, save, delete), its attachments — files sent,
 * papers reused from the citizen's personal document store — and the files an official adds to an open dossier.
 */
@Component
class DraftingDossier {

	private final DossierWork work;
	private final DossierTable table;
	private final AttachmentTable attachments;
	private final PaperTable papers;
	private final DossierProcedures procedures;
	private final Journal journal;
	private final DossierViews views;

	DraftingDossier(DossierWork work, DossierTable table, AttachmentTable attachments, PaperTable papers, DossierProcedures procedures,
			Journal journal, DossierViews views) {
		this.work = work;
		this.table = table;
		this.attachments = attachments;
		this.papers = papers;
		this.procedures = procedures;
		this.journal = journal;
		this.views = views;
	}

	long createDraft(Caller citizen, String unitCode, String procedureCode) {
		DossierWork.requireCitizen(citizen);
		var procedure = procedures.current(unitCode, procedureCode);
		if ("COUNTER_ONLY".equals(procedure.onlineMode())) {
			throw Texts.refused("procedureCode", "dossiers.error.counterOnlyDraft", procedure.name());
		}
		return work.system(() -> {
			long id = table.insertDraft(unitCode, DossierTable.Frozen.of(procedure), citizen.citizenId(),
					DossierWork.limit(citizen.fullName(), 200));
			journal.step(unitCode, id, citizen, Dossier.DRAFT, null, Dossier.DRAFT, "", List.of());
			return id;
		});
	}

	vn.xaso.dossiers.Dossier saveDraft(Caller citizen, long dossierId, Applicant applicant, Map<String, String> form) {
		DossierWork.requireCitizen(citizen);
		return work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			dossier.requireDraft();
			var a = Applicants.normalise(applicant);
			var errors = Applicants.checkDraft(a, form);
			if (!errors.isEmpty()) {
				throw DossierException.of(errors);
			}
			var phone = a.phone().isEmpty() ? "" : PersonalData.normalisePhone(a.phone());
			table.saveDraft(dossier.id(), a, phone, form);
			return views.get(dossier.id());
		});
	}

	/** A citizen attaches to a draft or a requested supplement; an official to any open dossier (marked digitised). */
	DossierFile attach(Caller caller, long dossierId, Upload upload) {
		var type = FileChecks.contentType("file", upload.name(), upload.content());
		return work.as(caller, () -> {
			var dossier = table.forChange(caller, dossierId);
			dossier.requireOpenForFiles(caller);
			var row = dossier.row();
			attachments.requireRoom(row.id(), 1);
			boolean digitised = !caller.isCitizen();
			long fileId = attachments.insert(row.unitCode(), row.id(), upload, type, digitised, false, caller.username());
			if (digitised) {
				table.digitised(row.id());
			}
			table.touched(row.id());
			if (!row.state().equals(Dossier.DRAFT)) {
				journal.step(row.unitCode(), row.id(), caller, "attach", row.state(), row.state(), DossierWork.limit(upload.name(), 255),
						List.of(fileId));
			}
			return attachments.get(row.id(), fileId);
		});
	}

	DossierFile reusePaper(Caller citizen, long dossierId, long paperId) {
		DossierWork.requireCitizen(citizen);
		return work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			dossier.requireReusable();
			var paper = papers.get(citizen.citizenId(), paperId).orElseThrow(() -> Texts.refused("paper", "dossiers.error.paperUnknown"));
			attachments.requireRoom(dossier.id(), 1);
			var ext = switch (paper.contentType()) {
				case "image/jpeg" -> ".jpg";
				case "image/png" -> ".png";
				default -> ".pdf";
			};
			long fileId = attachments.insert(dossier.row().unitCode(), dossier.id(),
					new Upload(DossierWork.limit(paper.title(), 240) + ext, paper.content()), paper.contentType(), false, false,
					citizen.username());
			table.touched(dossier.id());
			return attachments.get(dossier.id(), fileId);
		});
	}

	void removeFile(Caller citizen, long dossierId, long fileId) {
		DossierWork.requireCitizen(citizen);
		work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			dossier.requireDraft();
			if (!attachments.delete(dossier.id(), fileId)) {
				throw Texts.refused("file", "dossiers.error.fileUnknown");
			}
			table.touched(dossier.id());
			return null;
		});
	}

	void deleteDraft(Caller citizen, long dossierId) {
		DossierWork.requireCitizen(citizen);
		work.system(() -> {
			var dossier = table.own(citizen, dossierId);
			dossier.requireDraft();
			table.delete(dossier.id());
			return null;
		});
	}

	// ---------------------------------------------------------------- the citizen's personal document store

	List<PersonalPaper> papers(Caller citizen) {
		DossierWork.requireCitizen(citizen);
		return work.system(() -> papers.list(citizen.citizenId()));
	}

	byte[] paper(Caller citizen, long paperId) {
		DossierWork.requireCitizen(citizen);
		return work.system(() -> papers.content(citizen.citizenId(), paperId).orElseThrow(DossierNotFound::new));
	}
}
