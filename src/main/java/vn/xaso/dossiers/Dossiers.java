package vn.xaso.dossiers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dossier service. Officials act inside their own unit (another unit's dossier is "not found"); citizens see
 * the dossiers they own. Every change of state is one transaction that writes the timeline, the audit log and a
 * past-tense {@link DossierChanged} event ({@link DossierReceived}, {@link DossierReturned}, …); bad input throws
 * {@link DossierException} and changes nothing.
 */
public interface Dossiers {

	// ------------------------------------------------------------ online (citizen)

	/** A citizen starts a draft for a procedure of a commune. */
	long createDraft(Caller citizen, String unitCode, String procedureCode);

	/** Saves a draft's applicant and form fields (not validated strictly until submission, but sizes are). */
	Dossier saveDraft(Caller citizen, long dossierId, Applicant applicant, Map<String, String> form);

	/** Attaches a file to a draft (citizen) or to any open dossier (official of the unit). */
	DossierFile attach(Caller caller, long dossierId, Upload upload);

	/** Attaches a paper from the citizen's personal document store to their draft. */
	DossierFile reusePaper(Caller citizen, long dossierId, long paperId);

	/** Removes an attachment from a draft. */
	void removeFile(Caller citizen, long dossierId, long fileId);

	/** Submits a draft: validates everything, numbers it, starts the clock, opens the bill if FULL online. */
	Receipt submitDraft(Caller citizen, long dossierId);

	/** Deletes a draft the citizen no longer wants. */
	void deleteDraft(Caller citizen, long dossierId);

	// ------------------------------------------------------------ one-shot submission

	/**
	 * Submits in one go: a citizen (ONLINE), the one-stop officer (COUNTER: received at once, files marked
	 * digitised), or a COMMUNITY_TEAM official or family member citizen (ASSISTED, with consent).
	 */
	Receipt submit(Caller caller, NewDossier dossier, List<Upload> files);

	// ------------------------------------------------------------ reading

	Optional<Dossier> find(Caller caller, long dossierId);

	Optional<Dossier> findByCode(Caller caller, String code);

	/** A citizen's own dossiers (and those submitted for them), newest first, drafts included. */
	DossierPage mine(Caller citizen, int page, int size);

	/** Officials' queues and search within their unit. */
	DossierPage search(Caller official, DossierSearch search);

	/** The actions the caller may take now on the dossier (for buttons). */
	List<Action> actions(Caller caller, long dossierId);

	/** The bytes of an attachment the caller may read. */
	byte[] file(Caller caller, long dossierId, long fileId);

	// ------------------------------------------------------------ workflow

	/** Takes a workflow action. Throws {@link DossierConflict} if the version moved on. */
	Dossier act(Caller official, long dossierId, ActionRequest request);

	/** The citizen sends the requested supplement (files and note): the clock resumes with the days left. */
	Dossier supplement(Caller citizen, long dossierId, String note, List<Upload> files);

	/** The citizen's rating after return, once: 1–5 stars and an optional comment (≤ 1000 characters). */
	void rate(Caller citizen, long dossierId, int stars, String comment);

	/** The workflow of a procedure's dossiers ("standard", "same-day"), as declared in its JSON. */
	List<Action> workflow(String name);

	/** Vietnamese label of a workflow state. */
	String stateLabel(String state);

	// ------------------------------------------------------------ PDFs

	/** Phiếu tiếp nhận và hẹn trả kết quả, with a QR to the public tracking page. */
	byte[] receiptPdf(Caller caller, long dossierId);

	/** The apology and new-appointment slip of the last reschedule, if any. */
	Optional<byte[]> apologyPdf(Caller caller, long dossierId);

	/** The signed result, once approved. */
	Optional<byte[]> resultPdf(Caller caller, long dossierId);

	/** Public: the signed result behind a verification token and its signature check. */
	Optional<VerifiedResult> verify(String token);

	// ------------------------------------------------------------ public tracking

	/** Public: a dossier by code and the last 4 digits of the applicant's phone; empty if either is wrong. */
	Optional<Tracking> track(String code, String phoneLast4);

	// ------------------------------------------------------------ personal document store

	List<PersonalPaper> papers(Caller citizen);

	byte[] paper(Caller citizen, long paperId);

	// ------------------------------------------------------------ fees

	/** The VietQR payload text of the dossier's bill, if it has one. */
	Optional<String> billQrPayload(Caller caller, long dossierId);

	/** The VietQR image (PNG) of the dossier's bill, if it has one. */
	Optional<byte[]> billQrPng(Caller caller, long dossierId, int sizePx);

	// ------------------------------------------------------------ officials' reports and settings

	/** Sổ theo dõi hồ sơ for dossiers received in [from, to] (Vietnam dates), as XLSX. */
	byte[] trackingBookXlsx(Caller official, LocalDate from, LocalDate to);

	/** The same book as CSV, UTF-8 with BOM so that Excel opens it with Vietnamese letters. */
	byte[] trackingBookCsv(Caller official, LocalDate from, LocalDate to);

	/** Counts for the dashboard over dossiers submitted in [from, to]; runs in the caller's unit scope. */
	DossierStats stats(String unitCode, LocalDate from, LocalDate to);

	/** The commune's agency code used in dossier codes (default derived from the unit code). */
	String agencyCode(String unitCode);

	/** ADMIN changes the agency code: 2–20 capital letters, digits, dots or hyphens. */
	void setAgencyCode(Caller admin, String agencyCode);
}
