package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xaso.dossiers.Action;
import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierFile;
import vn.xaso.dossiers.DossierPage;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.DossierStats;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.PersonalPaper;
import vn.xaso.dossiers.Receipt;
import vn.xaso.dossiers.Tracking;
import vn.xaso.dossiers.Upload;
import vn.xaso.dossiers.VerifiedResult;

/** The module's API ({@link Dossiers}), each operation handed to the use case it belongs to. */
@Service
class DossierManagement implements Dossiers {

	private final DraftingDossier drafting;
	private final SubmittingDossier submitting;
	private final ActingOnDossier acting;
	private final FindingDossiers finding;
	private final IssuingPapers issuing;
	private final PayingFees fees;
	private final KeepingBooks books;

	DossierManagement(DraftingDossier drafting, SubmittingDossier submitting, ActingOnDossier acting, FindingDossiers finding,
			IssuingPapers issuing, PayingFees fees, KeepingBooks books) {
		this.drafting = drafting;
		this.submitting = submitting;
		this.acting = acting;
		this.finding = finding;
		this.issuing = issuing;
		this.fees = fees;
		this.books = books;
	}

	@Override
	public long createDraft(Caller citizen, String unitCode, String procedureCode) {
		return drafting.createDraft(citizen, unitCode, procedureCode);
	}

	@Override
	public Dossier saveDraft(Caller citizen, long dossierId, Applicant applicant, Map<String, String> form) {
		return drafting.saveDraft(citizen, dossierId, applicant, form);
	}

	@Override
	public DossierFile attach(Caller caller, long dossierId, Upload upload) {
		return drafting.attach(caller, dossierId, upload);
	}

	@Override
	public DossierFile reusePaper(Caller citizen, long dossierId, long paperId) {
		return drafting.reusePaper(citizen, dossierId, paperId);
	}

	@Override
	public void removeFile(Caller citizen, long dossierId, long fileId) {
		drafting.removeFile(citizen, dossierId, fileId);
	}

	@Override
	public Receipt submitDraft(Caller citizen, long dossierId) {
		return submitting.submitDraft(citizen, dossierId);
	}

	@Override
	public void deleteDraft(Caller citizen, long dossierId) {
		drafting.deleteDraft(citizen, dossierId);
	}

	@Override
	public Receipt submit(Caller caller, NewDossier dossier, List<Upload> files) {
		return submitting.submit(caller, dossier, files);
	}

	@Override
	public Optional<Dossier> find(Caller caller, long dossierId) {
		return finding.find(caller, dossierId);
	}

	@Override
	public Optional<Dossier> findByCode(Caller caller, String code) {
		return finding.findByCode(caller, code);
	}

	@Override
	public DossierPage mine(Caller citizen, int page, int size) {
		return finding.mine(citizen, page, size);
	}

	@Override
	public DossierPage search(Caller official, DossierSearch search) {
		return finding.search(official, search);
	}

	@Override
	public List<Action> actions(Caller caller, long dossierId) {
		return finding.actions(caller, dossierId);
	}

	@Override
	public byte[] file(Caller caller, long dossierId, long fileId) {
		return finding.file(caller, dossierId, fileId);
	}

	@Override
	public Dossier act(Caller official, long dossierId, ActionRequest request) {
		return acting.act(official, dossierId, request);
	}

	@Override
	public Dossier supplement(Caller citizen, long dossierId, String note, List<Upload> files) {
		return acting.supplement(citizen, dossierId, note, files);
	}

	@Override
	public void rate(Caller citizen, long dossierId, int stars, String comment) {
		acting.rate(citizen, dossierId, stars, comment);
	}

	@Override
	public List<Action> workflow(String name) {
		return finding.workflow(name);
	}

	@Override
	public String stateLabel(String state) {
		return finding.stateLabel(state);
	}

	@Override
	public byte[] receiptPdf(Caller caller, long dossierId) {
		return issuing.receiptPdf(caller, dossierId);
	}

	@Override
	public Optional<byte[]> apologyPdf(Caller caller, long dossierId) {
		return issuing.apologyPdf(caller, dossierId);
	}

	@Override
	public Optional<byte[]> resultPdf(Caller caller, long dossierId) {
		return finding.resultPdf(caller, dossierId);
	}

	@Override
	public Optional<VerifiedResult> verify(String token) {
		return finding.verify(token);
	}

	@Override
	public Optional<Tracking> track(String code, String phoneLast4) {
		return finding.track(code, phoneLast4);
	}

	@Override
	public List<PersonalPaper> papers(Caller citizen) {
		return drafting.papers(citizen);
	}

	@Override
	public byte[] paper(Caller citizen, long paperId) {
		return drafting.paper(citizen, paperId);
	}

	@Override
	public Optional<String> billQrPayload(Caller caller, long dossierId) {
		return fees.billQrPayload(caller, dossierId);
	}

	@Override
	public Optional<byte[]> billQrPng(Caller caller, long dossierId, int sizePx) {
		return fees.billQrPng(caller, dossierId, sizePx);
	}

	@Override
	public byte[] trackingBookXlsx(Caller official, LocalDate from, LocalDate to) {
		return books.trackingBookXlsx(official, from, to);
	}

	@Override
	public byte[] trackingBookCsv(Caller official, LocalDate from, LocalDate to) {
		return books.trackingBookCsv(official, from, to);
	}

	@Override
	public DossierStats stats(String unitCode, LocalDate from, LocalDate to) {
		return books.stats(unitCode, from, to);
	}

	@Override
	public String agencyCode(String unitCode) {
		return books.agencyCode(unitCode);
	}

	@Override
	public void setAgencyCode(Caller admin, String agencyCode) {
		books.setAgencyCode(admin, agencyCode);
	}
}
