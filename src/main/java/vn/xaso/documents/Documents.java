package vn.xaso.documents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.documents.internal.ApprovingDocument;
import vn.xaso.documents.internal.DeliveringDocument;
import vn.xaso.documents.internal.DocumentQueries;
import vn.xaso.documents.internal.DocumentSearch;
import vn.xaso.documents.internal.DraftingDocument;
import vn.xaso.documents.internal.HandlingIncoming;
import vn.xaso.documents.internal.RegisteringIncoming;
import vn.xaso.documents.internal.ReleasingDocument;

/**
 * The documents of a commune: drafting and releasing outgoing documents with their legal number,
 * registering incoming ones, routing them to handlers, and searching both registers. Every method
 * acts inside the actor's own unit; a document of another unit is "not found". Every change of
 * state writes an audit entry in the same transaction.
 * <p>
 * The module's API: each method is one transaction around a use case of {@code documents.internal}
 * ({@link DraftingDocument}, {@link ApprovingDocument}, {@link ReleasingDocument}, {@link RegisteringIncoming},
 * {@link HandlingIncoming}, {@link DeliveringDocument}, {@link DocumentQueries}); the aggregate
 * {@code RegisterEntry} guards each change of state, and the SQL lives in one adapter per table family.
 */
@Service
public class Documents {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	public static final Set<String> URGENCIES = Set.of("thuong", "khan", "hoa_toc");

	private final DraftingDocument drafting;
	private final ApprovingDocument approving;
	private final ReleasingDocument releasing;
	private final RegisteringIncoming registering;
	private final HandlingIncoming handling;
	private final DeliveringDocument delivering;
	private final DocumentQueries queries;

	Documents(DraftingDocument drafting, ApprovingDocument approving, ReleasingDocument releasing,
			RegisteringIncoming registering, HandlingIncoming handling, DeliveringDocument delivering, DocumentQueries queries) {
		this.drafting = drafting;
		this.approving = approving;
		this.releasing = releasing;
		this.registering = registering;
		this.handling = handling;
		this.delivering = delivering;
		this.queries = queries;
	}

	/**
	 * The fields of an outgoing draft. {@code recipients}: one per line; {@code internalRecipients}: commune codes;
	 * {@code emailRecipients}: outside recipients' e-mail addresses, one per line (see {@link DocumentMailAddresses}).
	 */
	public record Draft(DocumentType type, String summary, String body, String recipients, String internalRecipients,
			String signerName, String signerTitle, String signerAuthority, String emailRecipients) {

		/** A draft without outside e-mail recipients. */
		public Draft(DocumentType type, String summary, String body, String recipients, String internalRecipients,
				String signerName, String signerTitle, String signerAuthority) {
			this(type, summary, body, recipients, internalRecipients, signerName, signerTitle, signerAuthority, "");
		}
	}

	/** Metadata of an incoming document (Phụ lục VI) with its PDF. */
	public record Incoming(String issuer, String originalNumber, @Nullable LocalDate originalDate, DocumentType type,
			String summary, String signerName, String urgency, int attachmentCount, byte[] pdf) {
	}

	/** Filters for the registers; null or blank means "any". {@code view}: mine, dueSoon, overdue. */
	public record Search(@Nullable String q, @Nullable Boolean outgoing, @Nullable DocumentType type,
			@Nullable String status, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String handler,
			@Nullable String view, int page, int size) {
	}

	/** One line of a register list. */
	public record Row(long id, boolean outgoing, DocumentType type, String status, String summary,
			@Nullable String numberSymbol, @Nullable Integer number, @Nullable LocalDate date, String issuer,
			@Nullable LocalDate deadline, String urgency) {
	}

	/** A page of rows; {@code total} is exact unless {@code more}: then there are more than {@code total}. */
	public record Listing(List<Row> rows, long total, boolean more) {

		public Listing(List<Row> rows, long total) {
			this(rows, total, false);
		}
	}

	/**
	 * For the dashboard: incoming documents of the year, how many were finished, finished on time,
	 * and still open past their deadline; outgoing documents released, and released electronically
	 * (with a PDF made here).
	 */
	public record Counts(long incoming, long incomingDone, long incomingOnTime, long incomingOverdue, long released,
			long releasedElectronically) {
	}

	/** An official of the unit who can be given documents to handle. */
	public record Handler(String username, String fullName) {
	}

	/** At most this many attachment files per document. */
	public static final int MAX_ATTACHMENTS = 10;

	/** An attachment file of a document: signed by the organisation once the document is released. */
	public record Attachment(long id, String title, long size, boolean signed) {
	}

	/** One signature of a document's PDF as checked with EU DSS when it was released or registered. */
	public record SignatureLine(String signerName, boolean intact, boolean trusted, java.time.@Nullable OffsetDateTime signedAt) {
	}

	/**
	 * The signatures of a document: the leader's personal signature at approval (outgoing), and the check of
	 * the stored PDF's signatures (released or incoming); {@code summary} is said in the reader's language (Vietnamese
	 * outside a request), null when nothing was checked.
	 */
	public record Signatures(@Nullable String leaderSignedBy, java.time.@Nullable Instant leaderSignedAt, List<SignatureLine> lines,
			@Nullable String summary) {
	}

	/**
	 * Published when a released document names another commune of XaSo as a recipient (once per
	 * commune), and once with {@code recipientUnit} {@link #BY_EMAIL} ("") when it names outside
	 * recipients by e-mail.
	 */
	public record DocumentReleased(String unitCode, long documentId, String recipientUnit) {

		public static final String BY_EMAIL = "";

		public boolean byEmail() {
			return BY_EMAIL.equals(recipientUnit);
		}
	}

	/** No such document in the caller's unit (HTTP 404). */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	public static final class NotFound extends RuntimeException {

		public NotFound(long id) {
			super("no document " + id + " in the caller's unit");
		}
	}

	// ---------------------------------------------------------------- outgoing

	@Transactional
	public long draft(Actor actor, Draft draft) {
		return drafting.draft(actor, draft);
	}

	@Transactional
	public void update(Actor actor, long id, Draft draft) {
		drafting.update(actor, id, draft);
	}

	@Transactional
	public void submit(Actor actor, long id) {
		drafting.submit(actor, id);
	}

	/** See {@link ApprovingDocument#approve}: the leader approves and signs personally with {@code password}. */
	@Transactional
	public void approve(Actor actor, long id, char[] password) {
		approving.approve(actor, id, password);
	}

	/** The leader sends a submitted document back to its drafter. */
	@Transactional
	public void returnToDraft(Actor actor, long id) {
		approving.returnToDraft(actor, id);
	}

	/** See {@link ReleasingDocument}: number, date and the organisation's signature, in one transaction. */
	@Transactional
	public Document release(Actor actor, long id, char[] organisationPassword) {
		return releasing.release(actor, id, organisationPassword);
	}

	/** Adds an attachment PDF to an outgoing draft (checked like an incoming PDF: a real PDF, not encrypted, at most 20 MB). */
	@Transactional
	public long addAttachment(Actor actor, long id, String title, byte[] pdf) {
		return drafting.addAttachment(actor, id, title, pdf);
	}

	/** Removes an attachment of an outgoing draft. */
	@Transactional
	public void removeAttachment(Actor actor, long id, long attachmentId) {
		drafting.removeAttachment(actor, id, attachmentId);
	}

	@Transactional(readOnly = true)
	public List<Attachment> attachments(Actor actor, long id) {
		return queries.attachments(actor, id);
	}

	/** The attachment's PDF as stored: the organisation-signed file once the document is released. */
	@Transactional(readOnly = true)
	public Optional<byte[]> attachmentPdf(Actor actor, long id, long attachmentId) {
		return queries.attachmentPdf(actor, id, attachmentId);
	}

	@Transactional(readOnly = true)
	public Optional<Signatures> signatures(Actor actor, long id) {
		return queries.signatures(actor, id);
	}

	/** The PDF of a draft (with blank number and date) or of a released document as stored. */
	@Transactional(readOnly = true)
	public Optional<byte[]> pdf(Actor actor, long id) {
		return queries.pdf(actor, id);
	}

	// ---------------------------------------------------------------- incoming

	@Transactional
	public long register(Actor actor, Incoming in) {
		return registering.register(actor, in);
	}

	/** The leader's direction: who handles it and in how many working days. */
	@Transactional
	public void assign(Actor actor, long id, String directionNote, List<String> handlers, int workingDays) {
		handling.assign(actor, id, directionNote, handlers, workingDays);
	}

	@Transactional
	public void addNote(Actor actor, long id, String text) {
		handling.addNote(actor, id, text);
	}

	/** The handler finishes an incoming document, optionally naming the released outgoing reply. */
	@Transactional
	public void markDone(Actor actor, long id, String note, @Nullable Long replyId) {
		handling.markDone(actor, id, note, replyId);
	}

	/**
	 * Files a released document in the recipient's incoming register (called by
	 * {@link IncomingDelivery}). A new transaction, so its row-level-security scope is the one the
	 * caller set for the two units, not the listener's.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void deliverNow(DocumentReleased event) {
		delivering.deliver(event);
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Optional<Document> find(Actor actor, long id) {
		return queries.find(actor, id);
	}

	/**
	 * One page of the unit's registers, newest first, with the total counted up to {@link DocumentSearch#CAP} past the
	 * page ({@link Listing#more()}: there are more). See {@link DocumentSearch} for how words are matched.
	 */
	@Transactional(readOnly = true)
	public Listing search(Actor actor, Search s) {
		return queries.search(actor, s);
	}

	@Transactional(readOnly = true)
	public Counts counts(String unitCode, int year) {
		return queries.counts(unitCode, year);
	}

	/** Active officials of the actor's unit who can handle documents. */
	@Transactional(readOnly = true)
	public List<Handler> handlers(Actor actor) {
		return queries.handlers(actor);
	}

	/** Released outgoing documents of the unit, newest first, to link as replies. */
	@Transactional(readOnly = true)
	public List<Row> releasedOutgoing(Actor actor) {
		return search(actor, new Search(null, true, null, Document.RELEASED, null, null, null, null, 0, 50)).rows();
	}

	/** The agency and office abbreviations of the commune in symbols ({@code UBND}, {@code VP} unless set). */
	@Transactional
	public void setAbbreviations(Actor actor, String agency, String office) {
		drafting.setAbbreviations(actor, agency, office);
	}
}
