package vn.xaso.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.documents.internal.DocumentSearch;
import vn.xaso.documents.internal.NumberAllocator;
import vn.xaso.documents.internal.Ocr;
import vn.xaso.documents.internal.PdfInspector;
import vn.xaso.documents.internal.PdfStamps;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.Signer;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.VerificationReport;
import vn.xaso.units.Units;
import vn.xaso.documents.internal.DocumentMetrics;

/**
 * The documents of a commune: drafting and releasing outgoing documents with their legal number,
 * registering incoming ones, routing them to handlers, and searching both registers. Every method
 * acts inside the actor's own unit; a document of another unit is "not found". Every change of
 * state writes an audit entry in the same transaction.
 */
@Service
public class Documents {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	public static final Set<String> URGENCIES = Set.of("thuong", "khan", "hoa_toc");

	private final JdbcClient jdbc;
	private final NumberAllocator numbers;
	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final SignatureVerification verification;
	private final AuditLog audit;
	private final WorkingCalendar calendar;
	private final Units units;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Ocr ocr;

	Documents(JdbcClient jdbc, NumberAllocator numbers, SigningIdentities identities, PdfSigning signing,
			SignatureVerification verification, AuditLog audit, WorkingCalendar calendar, Units units, Accounts accounts,
			ApplicationEventPublisher events, Clock clock, Ocr ocr) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.identities = identities;
		this.signing = signing;
		this.verification = verification;
		this.audit = audit;
		this.calendar = calendar;
		this.units = units;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.ocr = ocr;
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

	// ---------------------------------------------------------------- outgoing

	@Transactional
	public long draft(Actor actor, Draft draft) {
		requireDrafter(actor);
		var d = validate(actor.unitCode(), draft);
		long id = jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, body, recipients, internal_recipients,
				                      place_name, signer_name, signer_title, signer_authority, created_by, email_recipients)
				values (?, 'out', ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(actor.unitCode(), d.type().name(), d.summary(), d.body(), d.recipients(), d.internalRecipients(),
					placeName(actor.unitCode()), d.signerName(), d.signerTitle(), d.signerAuthority(), actor.username(),
					d.emailRecipients())
			.query(Long.class).single();
		record(actor, "document.drafted", id, null, d.type().label() + ": " + d.summary());
		return id;
	}

	@Transactional
	public void update(Actor actor, long id, Draft draft) {
		requireDrafter(actor);
		var doc = lock(actor, id);
		if (!doc.outgoing() || !Document.DRAFT.equals(doc.status())) {
			throw refused(doc, "Chỉ sửa được văn bản đang là dự thảo.");
		}
		var d = validate(actor.unitCode(), draft);
		jdbc.sql("""
				update document set type = ?, summary = ?, body = ?, recipients = ?, internal_recipients = ?, signer_name = ?,
				       signer_title = ?, signer_authority = ?, email_recipients = ?, updated_at = now() where id = ? and unit_code = ?""")
			.params(d.type().name(), d.summary(), d.body(), d.recipients(), d.internalRecipients(), d.signerName(),
					d.signerTitle(), d.signerAuthority(), d.emailRecipients(), id, actor.unitCode())
			.update();
		record(actor, "document.updated", id, doc.summary(), d.summary());
	}

	@Transactional
	public void submit(Actor actor, long id) {
		requireDrafter(actor);
		move(actor, id, true, Document.DRAFT, Document.SUBMITTED, "document.submitted",
				"Chỉ trình duyệt được văn bản đang là dự thảo.");
	}

	/**
	 * The leader approves and signs personally (Nghị định 30/2020): the PDF is rendered without the "DỰ THẢO"
	 * mark but with blank number and date, and signed with the leader's own signing identity, unlocked with
	 * {@code password} (never stored). Wrong password or no identity: a {@link DocumentException} on field
	 * {@code password}, and nothing changes.
	 */
	@Transactional
	public void approve(Actor actor, long id, char[] password) {
		require(actor, Role.LEADER, "Chỉ lãnh đạo UBND mới duyệt văn bản.");
		var doc = lock(actor, id);
		if (!doc.outgoing() || !Document.SUBMITTED.equals(doc.status())) {
			throw refused(doc, "Chỉ duyệt được văn bản đã trình duyệt.");
		}
		refuseBlanks(doc);
		var identity = identities.list(actor.unitCode()).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.OFFICIAL && actor.username().equals(i.officialUsername())
					&& !i.expiredAt(clock.instant()))
			.min(java.util.Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> new DocumentException("password",
					"Bạn chưa có chữ ký số cá nhân trong hệ thống nên chưa duyệt và ký được. Hãy đăng ký thiết bị ký số của bạn ở trang \"Chữ ký số của tôi\" (Tài khoản của tôi), hoặc nhờ quản trị của xã nhập chữ ký số cho bạn tại trang Quản trị → Chữ ký số."));
		var signer = unlock(actor.unitCode(), identity.id(), password);
		var pdf = render(doc, null, null, false);
		var box = PdfStamps.signerBox(pdf, doc.signerName());
		var signed = sign(pdf, signer, SignatureAppearance.personal(identity.holderName()).at(0, appearanceBox(box)));
		jdbc.sql("""
				update document set status = 'approved', leader_signed_pdf = ?, leader_signed_by = ?, leader_signed_at = now(),
				       updated_at = now() where id = ? and unit_code = ?""")
			.params(signed, identity.holderName(), id, actor.unitCode())
			.update();
		record(actor, "document.approved", id, Document.SUBMITTED, Document.APPROVED + "; ký số cá nhân: " + identity.holderName());
	}

	/**
	 * Nothing is signed with the template's blanks (issue 21): a field still holding "…", "...", "[…]" or "{{ }}" stops
	 * the signature with a message naming the field and the line.
	 */
	private static void refuseBlanks(Document doc) {
		var fields = new java.util.LinkedHashMap<String, String>();
		fields.put("Trích yếu", doc.summary());
		fields.put("Nội dung", doc.body());
		fields.put("Nơi nhận", doc.recipients());
		fields.put("Thẩm quyền ký", doc.signerAuthority());
		fields.put("Chức vụ người ký", doc.signerTitle());
		fields.put("Người ký", doc.signerName());
		for (var field : fields.entrySet()) {
			if (vn.xaso.platform.Blanks.in(field.getValue()).isPresent()) {
				throw new DocumentException("password", "Chưa ký được: mục \"" + field.getKey() + "\" còn chỗ trống của mẫu ở dòng \""
						+ vn.xaso.platform.Blanks.where(field.getValue()) + "\". Hãy trả lại để người soạn điền đủ rồi trình lại.");
			}
		}
	}

	/** The leader sends a submitted document back to its drafter. */
	@Transactional
	public void returnToDraft(Actor actor, long id) {
		require(actor, Role.LEADER, "Chỉ lãnh đạo UBND mới trả lại văn bản.");
		move(actor, id, true, Document.SUBMITTED, Document.DRAFT, "document.returned",
				"Chỉ trả lại được văn bản đã trình duyệt.");
	}

	/**
	 * The clerk releases an approved document: it takes the next number of the commune's outgoing register for
	 * the Vietnam-local year; the number and date are written into the leader-signed PDF as an incremental
	 * update (annotations), and the organisation's signature with its seal is added over the whole file — all in
	 * one transaction, so a failure (wrong password, no organisation identity) gives the number back and
	 * changes nothing. Internal recipients receive it in their incoming register after the commit.
	 */
	@Transactional
	public Document release(Actor actor, long id, char[] organisationPassword) {
		require(actor, Role.CLERK, "Chỉ văn thư mới phát hành văn bản.");
		var doc = lock(actor, id);
		if (!doc.outgoing() || !Document.APPROVED.equals(doc.status())) {
			throw refused(doc, "Chỉ phát hành được văn bản đã được lãnh đạo duyệt.");
		}
		var organisation = identities.list(actor.unitCode()).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.ORGANISATION && !i.expiredAt(clock.instant()))
			.min(java.util.Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> new DocumentException("password",
					"Xã chưa có chữ ký số của cơ quan (còn hạn) nên chưa phát hành được. Quản trị của xã hãy tạo hoặc nhập chữ ký số cơ quan tại trang Quản trị → Chữ ký số (/admin/signing)."));
		var signer = unlock(actor.unitCode(), organisation.id(), organisationPassword);
		var leaderSigned = jdbc.sql("select leader_signed_pdf from document where id = ? and unit_code = ?")
			.params(id, actor.unitCode()).query((rs, n) -> rs.getBytes(1)).optional().orElse(null);

		var today = LocalDate.now(clock.withZone(VIETNAM));
		int number = numbers.next(actor.unitCode(), NumberAllocator.OUTGOING, today);
		var setting = setting(actor.unitCode());
		var numberSymbol = NumberAllocator.numberSymbol(number, doc.type(), setting[0], setting[1]);
		byte[] unsealed;
		if (leaderSigned != null) {
			unsealed = PdfStamps.stampNumberAndDate(leaderSigned, NumberAllocator.format(number), today);
		}
		else {
			// approved before personal signatures existed: the numbered PDF gets the organisation's signature only
			unsealed = render(doc, numberSymbol, today, false);
		}
		var box = PdfStamps.signerBox(unsealed, doc.signerName());
		var pdf = sign(unsealed, signer, SignatureAppearance.organisation(organisation.holderName()).at(0, appearanceBox(box)));
		int attachments = signAttachments(actor, id, signer, organisation.holderName(), numberSymbol);
		var inspection = PdfInspector.read(pdf);
		var check = check(pdf);
		jdbc.sql("""
				update document set status = 'released', register_year = ?, number = ?, number_symbol = ?, issued_on = ?,
				       released_at = now(), pdf = ?, pdf_text = ?, page_count = ?, signature_check = ?, signature_summary = ?,
				       updated_at = now()
				where id = ? and unit_code = ?""")
			.params(today.getYear(), number, numberSymbol, today, pdf, inspection.text(), inspection.pages(), check[0], check[1], id,
					actor.unitCode())
			.update();
		record(actor, "document.released", id, doc.status(), numberSymbol + " ngày " + today + "; ký số cơ quan: " + organisation.holderName()
				+ (attachments == 0 ? "" : "; " + attachments + " tệp kèm theo đã ký số"));
		events.publishEvent(DocumentMetrics.on(actor.unitCode(), today, DocumentMetrics.OUTGOING_RELEASED,
				DocumentMetrics.OUTGOING_SIGNED));
		for (var code : codes(doc.internalRecipients())) {
			events.publishEvent(new DocumentReleased(actor.unitCode(), id, code));
		}
		if (jdbc.sql("select email_recipients <> '' from document where id = ? and unit_code = ?").params(id, actor.unitCode())
			.query(Boolean.class).single()) {
			events.publishEvent(new DocumentReleased(actor.unitCode(), id, DocumentReleased.BY_EMAIL));
		}
		return find(actor, id).orElseThrow();
	}

	// ---------------------------------------------------------------- attachments

	/** At most this many attachment files per document. */
	public static final int MAX_ATTACHMENTS = 10;

	/** An attachment file of a document: signed by the organisation once the document is released. */
	public record Attachment(long id, String title, long size, boolean signed) {
	}

	/**
	 * Adds an attachment PDF (phụ lục, tài liệu kèm theo sent as a separate file) to an outgoing draft. The file is
	 * checked by its content like an incoming PDF: really a PDF, not encrypted, at most 20 MB.
	 */
	@Transactional
	public long addAttachment(Actor actor, long id, String title, byte[] pdf) {
		requireDrafter(actor);
		var doc = lock(actor, id);
		requireDraftForAttachments(doc);
		var t = text("title", title, 1, 300, "Hãy ghi tên tệp kèm theo (1 đến 300 ký tự).");
		long count = jdbc.sql("select count(*) from document_attachment where document_id = ? and unit_code = ?")
			.params(id, actor.unitCode()).query(Long.class).single();
		if (count >= MAX_ATTACHMENTS) {
			throw new DocumentException("file", "Mỗi văn bản có tối đa " + MAX_ATTACHMENTS + " tệp kèm theo.");
		}
		try {
			PdfInspector.inspect(pdf);
		}
		catch (DocumentException e) {
			throw new DocumentException("file", e.getMessage().replace("Hãy chọn tệp PDF của văn bản.", "Hãy chọn tệp PDF kèm theo văn bản."));
		}
		long attachmentId = jdbc.sql("""
				insert into document_attachment (unit_code, document_id, title, pdf, created_by) values (?, ?, ?, ?, ?) returning id""")
			.params(actor.unitCode(), id, t, pdf, actor.username()).query(Long.class).single();
		record(actor, "document.attachment.added", id, null, t);
		return attachmentId;
	}

	/** Removes an attachment of an outgoing draft. */
	@Transactional
	public void removeAttachment(Actor actor, long id, long attachmentId) {
		requireDrafter(actor);
		var doc = lock(actor, id);
		requireDraftForAttachments(doc);
		var title = jdbc.sql("delete from document_attachment where id = ? and document_id = ? and unit_code = ? returning title")
			.params(attachmentId, id, actor.unitCode()).query(String.class).optional()
			.orElseThrow(() -> new NotFound(id));
		record(actor, "document.attachment.removed", id, title, null);
	}

	@Transactional(readOnly = true)
	public List<Attachment> attachments(Actor actor, long id) {
		return jdbc.sql("""
				select id, title, octet_length(pdf), signed from document_attachment where document_id = ? and unit_code = ? order by id""")
			.params(id, actor.unitCode())
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4))).list();
	}

	/** The attachment's PDF as stored: the organisation-signed file once the document is released. */
	@Transactional(readOnly = true)
	public Optional<byte[]> attachmentPdf(Actor actor, long id, long attachmentId) {
		return jdbc.sql("select pdf from document_attachment where id = ? and document_id = ? and unit_code = ?")
			.params(attachmentId, id, actor.unitCode()).query((rs, n) -> rs.getBytes(1)).optional();
	}

	private static void requireDraftForAttachments(Document doc) {
		if (!doc.outgoing() || !Document.DRAFT.equals(doc.status())) {
			throw refused(doc, "Chỉ thêm hoặc bỏ tệp kèm theo khi văn bản đi còn là dự thảo.");
		}
	}

	/**
	 * Signs every attachment of the document being released with the organisation's signer (top right of page 1,
	 * number/symbol and signing time, no image). Runs in the release transaction before the document becomes
	 * released, which the attachment trigger requires.
	 */
	private int signAttachments(Actor actor, long id, Signer signer, String organisationName, String numberSymbol) {
		var files = jdbc.sql("select id, pdf from document_attachment where document_id = ? and unit_code = ? order by id")
			.params(id, actor.unitCode()).query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) }).list();
		for (var f : files) {
			var signed = sign((byte[]) f[1], signer, SignatureAppearance.attachment(organisationName, numberSymbol));
			jdbc.sql("update document_attachment set pdf = ?, signed = true where id = ? and unit_code = ?")
				.params(signed, f[0], actor.unitCode()).update();
		}
		return files.size();
	}

	/** One signature of a document's PDF as checked with EU DSS when it was released or registered. */
	public record SignatureLine(String signerName, boolean intact, boolean trusted, java.time.@Nullable OffsetDateTime signedAt) {
	}

	/**
	 * The signatures of a document: the leader's personal signature at approval (outgoing), and the check of
	 * the stored PDF's signatures (released or incoming); {@code summary} is plain Vietnamese, null when nothing
	 * was checked.
	 */
	public record Signatures(@Nullable String leaderSignedBy, java.time.@Nullable Instant leaderSignedAt, List<SignatureLine> lines,
			@Nullable String summary) {
	}

	@Transactional(readOnly = true)
	public Optional<Signatures> signatures(Actor actor, long id) {
		return jdbc.sql("select leader_signed_by, leader_signed_at, signature_check, signature_summary from document where id = ? and unit_code = ?")
			.params(id, actor.unitCode())
			.query((rs, n) -> {
				var at = rs.getTimestamp(2);
				return new Signatures(rs.getString(1), at == null ? null : at.toInstant(), parseCheck(rs.getString(3)), rs.getString(4));
			})
			.optional();
	}

	private Signer unlock(String unitCode, long identityId, char @Nullable [] password) {
		if (password == null || password.length == 0) {
			throw new DocumentException("password", "Hãy nhập mật khẩu chữ ký số.");
		}
		try {
			return identities.unlock(unitCode, identityId, password);
		}
		catch (SigningException e) {
			throw new DocumentException("password", e.getMessage());
		}
	}

	private byte[] sign(byte[] pdf, Signer signer, SignatureAppearance appearance) {
		try {
			return signing.sign(pdf, signer, appearance);
		}
		catch (SigningException e) {
			throw new DocumentException("password", e.getMessage());
		}
	}

	private static SignatureAppearance.@Nullable Box appearanceBox(PdfStamps.@Nullable Box box) {
		return box == null ? null : new SignatureAppearance.Box(box.x(), box.y(), box.width(), box.height());
	}

	/** [lines, summary] of checking a PDF's signatures; a file DSS cannot read gives a plain reason and no lines. */
	private String[] check(byte[] pdf) {
		VerificationReport report;
		try {
			report = verification.verify(pdf);
		}
		catch (SigningException e) {
			return new String[] { "", "Không kiểm tra được chữ ký số của tệp: " + e.getMessage() };
		}
		catch (RuntimeException e) {
			return new String[] { "", "Không kiểm tra được chữ ký số của tệp này." };
		}
		var lines = new StringBuilder();
		for (var sig : report.signatures()) {
			lines.append(sig.intact()).append('|').append(sig.trusted()).append('|')
				.append(sig.signingTime() == null ? "" : sig.signingTime().toString()).append('|')
				.append(sig.signerName().replace('\n', ' ').replace('|', '/')).append('\n');
		}
		return new String[] { lines.toString(), report.summary() };
	}

	private static List<SignatureLine> parseCheck(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return text.lines().filter(l -> !l.isBlank()).map(l -> {
			var p = l.split("\\|", 4);
			return new SignatureLine(p[3], Boolean.parseBoolean(p[0]), Boolean.parseBoolean(p[1]),
					p[2].isEmpty() ? null : java.time.OffsetDateTime.parse(p[2]));
		}).toList();
	}

	/** The PDF of a draft (with blank number and date) or of a released document as stored. */
	@Transactional(readOnly = true)
	public Optional<byte[]> pdf(Actor actor, long id) {
		var doc = find(actor, id);
		if (doc.isEmpty()) {
			return Optional.empty();
		}
		if (doc.get().hasPdf()) {
			return Optional.of(jdbc.sql("select pdf from document where id = ? and unit_code = ?")
				.params(id, actor.unitCode()).query(byte[].class).single());
		}
		return Optional.of(render(doc.get(), null, null));
	}

	// ---------------------------------------------------------------- incoming

	@Transactional
	public long register(Actor actor, Incoming in) {
		require(actor, Role.CLERK, "Chỉ văn thư mới vào sổ văn bản đến.");
		var issuer = text("issuer", in.issuer(), 1, 300, "Hãy ghi cơ quan ban hành (1 đến 300 ký tự).");
		var original = text("originalNumber", in.originalNumber(), 1, 60, "Hãy ghi số, ký hiệu của văn bản (ví dụ 12/UBND-VP).");
		var summary = text("summary", in.summary(), 1, 500, "Hãy ghi trích yếu (1 đến 500 ký tự).");
		var signerName = text("signerName", in.signerName(), 0, 100, "Tên người ký dài quá 100 ký tự.");
		if (in.originalDate() == null) {
			throw new DocumentException("originalDate", "Hãy chọn ngày ban hành của văn bản.");
		}
		var today = LocalDate.now(clock.withZone(VIETNAM));
		if (in.originalDate().isAfter(today)) {
			throw new DocumentException("originalDate", "Ngày ban hành không thể sau hôm nay.");
		}
		if (!URGENCIES.contains(in.urgency())) {
			throw new DocumentException("urgency", "Hãy chọn độ khẩn: thường, khẩn hoặc hỏa tốc.");
		}
		if (in.attachmentCount() < 0 || in.attachmentCount() > 999) {
			throw new DocumentException("attachmentCount", "Số phụ lục, tài liệu kèm theo phải từ 0 đến 999.");
		}
		// A scan has (almost) no text of its own: read it with Tesseract, if installed, so search finds it.
		var inspection = ocr.withOcrIfScanned(PdfInspector.inspect(in.pdf()), in.pdf());
		var check = check(in.pdf());
		int number = numbers.next(actor.unitCode(), NumberAllocator.INCOMING, today);
		long id = jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, issuer, original_number, original_date,
				                      signer_name, urgency, page_count, attachment_count, received_on, register_year, number,
				                      pdf, pdf_text, created_by, signature_check, signature_summary)
				values (?, 'in', ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(actor.unitCode(), in.type().name(), summary, issuer, original, in.originalDate(), signerName,
					in.urgency(), inspection.pages(), in.attachmentCount(), today, today.getYear(), number, in.pdf(),
					inspection.text(), actor.username(), check[0], check[1])
			.query(Long.class).single();
		record(actor, "document.registered", id, null, "Số đến " + NumberAllocator.format(number) + ": " + original);
		events.publishEvent(DocumentMetrics.on(actor.unitCode(), today, DocumentMetrics.INCOMING_REGISTERED));
		return id;
	}

	/** The leader's direction: who handles it and in how many working days. */
	@Transactional
	public void assign(Actor actor, long id, String directionNote, List<String> handlers, int workingDays) {
		require(actor, Role.LEADER, "Chỉ lãnh đạo UBND mới giao xử lý văn bản.");
		var doc = lock(actor, id);
		if (doc.outgoing() || Document.DONE.equals(doc.status())) {
			throw refused(doc, "Chỉ giao xử lý được văn bản đến chưa xong.");
		}
		var note = text("directionNote", directionNote, 1, 4000, "Hãy ghi ý kiến chỉ đạo (1 đến 4.000 ký tự).");
		if (workingDays < 1 || workingDays > 90) {
			throw new DocumentException("workingDays", "Thời hạn xử lý phải từ 1 đến 90 ngày làm việc.");
		}
		var chosen = new LinkedHashSet<>(handlers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
		if (chosen.isEmpty()) {
			throw new DocumentException("handlers", "Hãy chọn ít nhất một người xử lý.");
		}
		var known = handlers(actor);
		var deadline = calendar.addWorkingDays(LocalDate.now(clock.withZone(VIETNAM)), workingDays);
		jdbc.sql("delete from document_assignment where document_id = ? and unit_code = ?").params(id, actor.unitCode()).update();
		for (var username : chosen) {
			var handler = known.stream().filter(h -> h.username().equals(username)).findFirst()
				.orElseThrow(() -> new DocumentException("handlers", "Người xử lý " + username + " không thuộc xã này."));
			jdbc.sql("insert into document_assignment (document_id, unit_code, username, full_name, deadline, assigned_by) values (?, ?, ?, ?, ?, ?)")
				.params(id, actor.unitCode(), handler.username(), handler.fullName(), deadline, actor.username()).update();
		}
		jdbc.sql("update document set status = 'assigned', direction_note = ?, deadline = ?, updated_at = now() where id = ? and unit_code = ?")
			.params(note, deadline, id, actor.unitCode()).update();
		addNoteRow(actor, id, "direction", note);
		record(actor, "document.assigned", id, doc.status(), String.join(", ", chosen) + " hạn " + deadline);
	}

	@Transactional
	public void addNote(Actor actor, long id, String text) {
		var doc = lock(actor, id);
		if (!Document.ASSIGNED.equals(doc.status())) {
			throw refused(doc, "Chỉ ghi ý kiến xử lý cho văn bản đang được giao xử lý.");
		}
		requireHandler(actor, doc);
		var note = text("note", text, 1, 4000, "Hãy ghi nội dung xử lý (1 đến 4.000 ký tự).");
		addNoteRow(actor, id, "processing", note);
		record(actor, "document.noted", id, null, note.length() > 200 ? note.substring(0, 200) : note);
	}

	/** The handler finishes an incoming document, optionally naming the released outgoing reply. */
	@Transactional
	public void markDone(Actor actor, long id, String note, @Nullable Long replyId) {
		var doc = lock(actor, id);
		if (!Document.ASSIGNED.equals(doc.status())) {
			throw refused(doc, "Chỉ hoàn thành được văn bản đang được giao xử lý.");
		}
		requireHandler(actor, doc);
		if (replyId != null) {
			var reply = find(actor, replyId).filter(r -> r.outgoing() && Document.RELEASED.equals(r.status()));
			if (reply.isEmpty()) {
				throw new DocumentException("replyId", "Văn bản trả lời phải là văn bản đi đã phát hành của xã.");
			}
		}
		var text = text("note", note, 0, 4000, "Ghi chú dài quá 4.000 ký tự.");
		jdbc.sql("update document set status = 'done', done_at = now(), reply_id = ?, updated_at = now() where id = ? and unit_code = ?")
			.params(replyId, id, actor.unitCode()).update();
		addNoteRow(actor, id, "done", text.isEmpty() ? "Đã xử lý xong." : text);
		var doneOn = jdbc.sql("select (done_at at time zone 'Asia/Ho_Chi_Minh')::date from document where id = ? and unit_code = ?")
			.params(id, actor.unitCode()).query(LocalDate.class).single();
		events.publishEvent(doc.deadline() == null || !doneOn.isAfter(doc.deadline())
				? DocumentMetrics.on(actor.unitCode(), doneOn, DocumentMetrics.INCOMING_DONE, DocumentMetrics.INCOMING_DONE_ON_TIME)
				: DocumentMetrics.on(actor.unitCode(), doneOn, DocumentMetrics.INCOMING_DONE));
		record(actor, "document.done", id, doc.status(), replyId == null ? null : "trả lời bằng văn bản " + replyId);
	}

	// ---------------------------------------------------------------- internal delivery

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

	/**
	 * Files a released document in the recipient's incoming register (called by
	 * {@link IncomingDelivery}). A new transaction, so its row-level-security scope is the one the
	 * caller set for the two units, not the listener's.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	void deliverNow(DocumentReleased event) {
		var source = jdbc.sql("""
				select type, summary, number_symbol, issued_on, signer_name, pdf, pdf_text, page_count from document
				where id = ? and unit_code = ? and status = 'released'""")
			.params(event.documentId(), event.unitCode())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getBytes(6), rs.getString(7), rs.getObject(8, Integer.class) })
			.optional();
		if (source.isEmpty()) {
			return;
		}
		var s = source.get();
		var already = jdbc.sql("select count(*) from document where unit_code = ? and source_document_id = ? and source_unit_code = ?")
			.params(event.recipientUnit(), event.documentId(), event.unitCode()).query(Long.class).single();
		if (already > 0) {
			return;
		}
		var today = LocalDate.now(clock.withZone(VIETNAM));
		var check = check((byte[]) s[5]);
		int number = numbers.next(event.recipientUnit(), NumberAllocator.INCOMING, today);
		var issuer = "UBND " + units.find(event.unitCode()).map(u -> u.name()).orElse(event.unitCode());
		long id = jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, issuer, original_number, original_date,
				                      signer_name, page_count, received_on, register_year, number, pdf, pdf_text, created_by,
				                      source_document_id, source_unit_code, signature_check, signature_summary)
				values (?, 'in', ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system', ?, ?, ?, ?) returning id""")
			.params(event.recipientUnit(), s[0], s[1], issuer, s[2], s[3], s[4], s[7], today, today.getYear(), number, s[5],
					s[6], event.documentId(), event.unitCode(), check[0], check[1])
			.query(Long.class).single();
		int copied = jdbc.sql("""
				insert into document_attachment (unit_code, document_id, title, pdf, signed, created_by)
				select ?, ?, title, pdf, signed, 'system' from document_attachment where document_id = ? and unit_code = ? order by id""")
			.params(event.recipientUnit(), id, event.documentId(), event.unitCode()).update();
		if (copied > 0) {
			jdbc.sql("update document set attachment_count = ? where id = ? and unit_code = ?").params(copied, id, event.recipientUnit()).update();
		}
		events.publishEvent(DocumentMetrics.on(event.recipientUnit(), today, DocumentMetrics.INCOMING_REGISTERED,
				DocumentMetrics.INCOMING_ELECTRONIC));
		audit.record(AuditEvent.of(event.recipientUnit(), "system", "document.delivered").on("document", id)
			.change(null, "Số đến " + NumberAllocator.format(number) + ": " + s[2] + " từ " + issuer));
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Optional<Document> find(Actor actor, long id) {
		var doc = jdbc.sql(SELECT + " where id = ? and unit_code = ?").params(id, actor.unitCode()).query(this::map).optional();
		return doc.map(d -> withDetails(d));
	}

	/**
	 * One page of the unit's registers, newest first, with the total counted up to {@link DocumentSearch#CAP} past the
	 * page ({@link Listing#more()}: there are more). See {@link DocumentSearch} for how words are matched.
	 */
	@Transactional(readOnly = true)
	public Listing search(Actor actor, Search s) {
		return new DocumentSearch(jdbc, calendar, clock).search(actor.unitCode(), actor.username(), s);
	}

	@Transactional(readOnly = true)
	public Counts counts(String unitCode, int year) {
		return jdbc.sql("""
				select count(*) filter (where direction = 'in'),
				       count(*) filter (where direction = 'in' and status = 'done'),
				       count(*) filter (where direction = 'in' and status = 'done'
				                         and (deadline is null or (done_at at time zone 'Asia/Ho_Chi_Minh')::date <= deadline)),
				       count(*) filter (where direction = 'in' and status = 'assigned' and deadline < :today),
				       count(*) filter (where direction = 'out' and status = 'released'),
				       count(*) filter (where direction = 'out' and status = 'released' and pdf is not null)
				from document where unit_code = :unit and register_year = :year""")
			.param("unit", unitCode).param("year", year).param("today", LocalDate.now(clock.withZone(VIETNAM)))
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.single();
	}

	/** Active officials of the actor's unit who can handle documents. */
	@Transactional(readOnly = true)
	public List<Handler> handlers(Actor actor) {
		return accounts.list(actor.unitCode(), null, 0, 200).items().stream()
			.filter(o -> o.active() && !o.roles().contains(Role.PROVINCE_VIEWER))
			.map(o -> new Handler(o.username(), o.fullName()))
			.toList();
	}

	/** Released outgoing documents of the unit, newest first, to link as replies. */
	@Transactional(readOnly = true)
	public List<Row> releasedOutgoing(Actor actor) {
		return search(actor, new Search(null, true, null, Document.RELEASED, null, null, null, null, 0, 50)).rows();
	}

	/** The agency abbreviation of the commune in symbols ({@code UBND} unless set). */
	@Transactional
	public void setAbbreviations(Actor actor, String agency, String office) {
		require(actor, Role.ADMIN, "Chỉ quản trị mới đổi chữ viết tắt của cơ quan.");
		var a = agency.strip().toUpperCase(Locale.ROOT);
		var o = office.strip().toUpperCase(Locale.ROOT);
		if (!a.matches("[A-ZĐ0-9]{1,12}") || !o.matches("[A-ZĐ0-9]{1,12}")) {
			throw new DocumentException("agency", "Chữ viết tắt chỉ gồm chữ in hoa và số, tối đa 12 ký tự.");
		}
		jdbc.sql("""
				insert into document_setting (unit_code, agency_abbr, office_abbr) values (?, ?, ?)
				on conflict (unit_code) do update set agency_abbr = excluded.agency_abbr, office_abbr = excluded.office_abbr, updated_at = now()""")
			.params(actor.unitCode(), a, o).update();
		record(actor, "document.settings", 0, null, a + "-" + o);
	}

	// ---------------------------------------------------------------- helpers

	private String[] setting(String unitCode) {
		return jdbc.sql("select agency_abbr, office_abbr from document_setting where unit_code = ?").param(unitCode)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional()
			.orElse(new String[] { "UBND", "VP" });
	}

	private byte[] render(Document doc, @Nullable String numberSymbol, @Nullable LocalDate date) {
		return render(doc, numberSymbol, date, numberSymbol == null);
	}

	private byte[] render(Document doc, @Nullable String numberSymbol, @Nullable LocalDate date, boolean draftMark) {
		var setting = setting(doc.unitCode());
		var unitName = units.find(doc.unitCode()).map(u -> u.name()).orElse(doc.unitCode());
		var vi = Locale.forLanguageTag("vi");
		var layout = new DocumentRenderer.Layout(List.of("ỦY BAN NHÂN DÂN", unitName.toUpperCase(vi)), doc.type(), numberSymbol,
				NumberAllocator.symbol(doc.type(), setting[0], setting[1]), doc.placeName(), date, doc.summary(), doc.body(),
				lines(doc.recipients()), doc.signerAuthority(), doc.signerTitle(), doc.signerName());
		return DocumentRenderer.render(layout, draftMark);
	}

	static List<String> lines(String text) {
		return text.lines().map(String::strip).map(l -> l.replaceAll("^[-–•]\\s*", "").replaceAll("[;.]+$", ""))
			.filter(l -> !l.isBlank()).toList();
	}

	private String placeName(String unitCode) {
		var name = units.find(unitCode).map(u -> u.name()).orElse(unitCode);
		for (var prefix : List.of("Xã ", "Phường ", "Đặc khu ", "Thị trấn ")) {
			if (name.startsWith(prefix)) {
				return name.substring(prefix.length());
			}
		}
		return name;
	}

	private Draft validate(String unitCode, Draft d) {
		if (d.type() == null || !d.type().draftable()) {
			throw new DocumentException("type", "Hãy chọn loại văn bản.");
		}
		var summary = text("summary", d.summary(), 1, 500, "Hãy ghi trích yếu (1 đến 500 ký tự).");
		var body = text("body", d.body(), 1, 50_000, "Hãy ghi nội dung văn bản (tối đa 50.000 ký tự).");
		var recipients = text("recipients", d.recipients(), 1, 2000, "Hãy ghi nơi nhận, mỗi nơi một dòng.");
		var signerName = text("signerName", d.signerName(), 1, 100, "Hãy ghi họ tên người ký.");
		var signerTitle = text("signerTitle", d.signerTitle(), 1, 100, "Hãy ghi chức vụ người ký, ví dụ CHỦ TỊCH.");
		var authority = text("signerAuthority", d.signerAuthority(), 0, 100, "Quyền hạn ký dài quá 100 ký tự.");
		var internal = new ArrayList<String>();
		for (var code : codes(d.internalRecipients())) {
			if (code.equals(unitCode) || !code.matches("[0-9]{5}") || !units.isCommune(code)) {
				throw new DocumentException("internalRecipients", "Mã xã nhận " + code + " không đúng. Ghi mã 5 chữ số của xã khác, cách nhau bằng dấu phẩy.");
			}
			internal.add(code);
		}
		var emails = DocumentMailAddresses.normalize(d.emailRecipients());
		return new Draft(d.type(), summary, body, recipients, String.join(",", internal), signerName, signerTitle, authority, emails);
	}

	private static List<String> codes(String text) {
		return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static String text(String field, @Nullable String value, int min, int max, String message) {
		var v = value == null ? "" : java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC).strip();
		if (v.length() < min || v.length() > max || v.indexOf('\u0000') >= 0) {
			throw new DocumentException(field, message);
		}
		return v;
	}

	private static void require(Actor actor, Role role, String message) {
		if (!actor.has(role)) {
			throw new AccessDeniedException(message);
		}
	}

	private static void requireDrafter(Actor actor) {
		if (!actor.drafter()) {
			throw new AccessDeniedException("Chỉ lãnh đạo, công chức và văn thư mới soạn văn bản.");
		}
	}

	private static void requireHandler(Actor actor, Document doc) {
		if (!actor.has(Role.LEADER) && !doc.assignedTo(actor.username())) {
			throw new AccessDeniedException("Chỉ người được giao xử lý hoặc lãnh đạo mới làm được việc này.");
		}
	}

	private static DocumentException refused(Document doc, String message) {
		return new DocumentException("", message);
	}

	private void move(Actor actor, long id, boolean outgoing, String from, String to, String action, String message) {
		var doc = lock(actor, id);
		if (doc.outgoing() != outgoing || !from.equals(doc.status())) {
			throw refused(doc, message);
		}
		jdbc.sql("update document set status = ?, updated_at = now() where id = ? and unit_code = ?")
			.params(to, id, actor.unitCode()).update();
		record(actor, action, id, from, to);
	}

	private Document lock(Actor actor, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ? for update").params(id, actor.unitCode())
			.query(this::map).optional().map(this::withDetails)
			.orElseThrow(() -> new NotFound(id));
	}

	/** No such document in the caller's unit (HTTP 404). */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	public static final class NotFound extends RuntimeException {

		public NotFound(long id) {
			super("Không tìm thấy văn bản " + id);
		}
	}

	private void addNoteRow(Actor actor, long id, String kind, String text) {
		jdbc.sql("insert into document_note (document_id, unit_code, kind, author, text) values (?, ?, ?, ?, ?)")
			.params(id, actor.unitCode(), kind, actor.fullName(), text).update();
	}

	private void record(Actor actor, String action, long id, @Nullable String before, @Nullable String after) {
		audit.record(AuditEvent.of(actor.unitCode(), actor.username(), action).on("document", id).change(before, after));
	}

	private Document withDetails(Document d) {
		var assignments = jdbc.sql("select username, full_name, deadline from document_assignment where document_id = ? order by full_name")
			.param(d.id())
			.query((rs, n) -> new Document.Assignment(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
		var notes = jdbc.sql("select kind, author, text, created_at from document_note where document_id = ? order by id")
			.param(d.id())
			.query((rs, n) -> new Document.Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
		return new Document(d.id(), d.unitCode(), d.outgoing(), d.type(), d.status(), d.summary(), d.body(), d.recipients(),
				d.internalRecipients(), d.placeName(), d.signerName(), d.signerTitle(), d.signerAuthority(), d.registerYear(),
				d.number(), d.numberSymbol(), d.issuedOn(), d.issuer(), d.originalNumber(), d.originalDate(), d.urgency(),
				d.pageCount(), d.attachmentCount(), d.receivedOn(), d.directionNote(), d.deadline(), d.doneAt(), d.replyId(),
				d.hasPdf(), d.createdBy(), d.createdAt(), assignments, notes);
	}

	private static final String SELECT = """
			select id, unit_code, direction, type, status, summary, body, recipients, internal_recipients, place_name,
			       signer_name, signer_title, signer_authority, register_year, number, number_symbol, issued_on, issuer,
			       original_number, original_date, urgency, page_count, attachment_count, received_on, direction_note,
			       deadline, done_at, reply_id, pdf is not null as has_pdf, created_by, created_at
			from document""";

	private Document map(ResultSet rs, int n) throws SQLException {
		var done = rs.getTimestamp("done_at");
		return new Document(rs.getLong("id"), rs.getString("unit_code"), "out".equals(rs.getString("direction")),
				DocumentType.valueOf(rs.getString("type")), rs.getString("status"), rs.getString("summary"),
				rs.getString("body"), rs.getString("recipients"), rs.getString("internal_recipients"),
				rs.getString("place_name"), rs.getString("signer_name"), rs.getString("signer_title"),
				rs.getString("signer_authority"), rs.getObject("register_year", Integer.class),
				rs.getObject("number", Integer.class), rs.getString("number_symbol"),
				rs.getObject("issued_on", LocalDate.class), rs.getString("issuer"), rs.getString("original_number"),
				rs.getObject("original_date", LocalDate.class), rs.getString("urgency"),
				rs.getObject("page_count", Integer.class), rs.getInt("attachment_count"),
				rs.getObject("received_on", LocalDate.class), rs.getString("direction_note"),
				rs.getObject("deadline", LocalDate.class), done == null ? null : done.toInstant(),
				rs.getObject("reply_id", Long.class), rs.getBoolean("has_pdf"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), List.of(), List.of());
	}

}
