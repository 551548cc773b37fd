package vn.xaso.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;

/**
 * The SQL of a document with its direction and processing notes and its handlers: the tables
 * {@code document}, {@code document_note} and {@code document_assignment}. Every statement names
 * the unit, so a document of another unit is not there.
 */
@Component
class DocumentTable {

	private final JdbcClient jdbc;

	DocumentTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A checked, stored draft's fields plus the place name printed beside the date. */
	long insertDraft(Actor actor, Documents.Draft d, String placeName) {
		return jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, body, recipients, internal_recipients,
				                      place_name, signer_name, signer_title, signer_authority, created_by, email_recipients)
				values (?, 'out', ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(actor.unitCode(), d.type().name(), d.summary(), d.body(), d.recipients(), d.internalRecipients(), placeName,
					d.signerName(), d.signerTitle(), d.signerAuthority(), actor.username(), d.emailRecipients())
			.query(Long.class).single();
	}

	void updateDraft(String unitCode, long id, Documents.Draft d) {
		jdbc.sql("""
				update document set type = ?, summary = ?, body = ?, recipients = ?, internal_recipients = ?, signer_name = ?,
				       signer_title = ?, signer_authority = ?, email_recipients = ?, updated_at = now() where id = ? and unit_code = ?""")
			.params(d.type().name(), d.summary(), d.body(), d.recipients(), d.internalRecipients(), d.signerName(),
					d.signerTitle(), d.signerAuthority(), d.emailRecipients(), id, unitCode)
			.update();
	}

	void setStatus(String unitCode, long id, String status) {
		jdbc.sql("update document set status = ?, updated_at = now() where id = ? and unit_code = ?").params(status, id, unitCode)
			.update();
	}

	void approved(String unitCode, long id, byte[] signedPdf, String signedBy) {
		jdbc.sql("""
				update document set status = 'approved', leader_signed_pdf = ?, leader_signed_by = ?, leader_signed_at = now(),
				       updated_at = now() where id = ? and unit_code = ?""")
			.params(signedPdf, signedBy, id, unitCode)
			.update();
	}

	byte @Nullable [] leaderSignedPdf(String unitCode, long id) {
		return jdbc.sql("select leader_signed_pdf from document where id = ? and unit_code = ?").params(id, unitCode)
			.query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
	}

	/** The released state: number, date, the sealed PDF with its text and the check of its signatures. */
	record Release(int year, int number, String numberSymbol, LocalDate issuedOn, byte[] pdf, String text, int pages,
			String check, String summary) {
	}

	void released(String unitCode, long id, Release r) {
		jdbc.sql("""
				update document set status = 'released', register_year = ?, number = ?, number_symbol = ?, issued_on = ?,
				       released_at = now(), pdf = ?, pdf_text = ?, page_count = ?, signature_check = ?, signature_summary = ?,
				       updated_at = now()
				where id = ? and unit_code = ?""")
			.params(r.year(), r.number(), r.numberSymbol(), r.issuedOn(), r.pdf(), r.text(), r.pages(), r.check(), r.summary(), id,
					unitCode)
			.update();
	}

	boolean hasEmailRecipients(String unitCode, long id) {
		return jdbc.sql("select email_recipients <> '' from document where id = ? and unit_code = ?").params(id, unitCode)
			.query(Boolean.class).single();
	}

	/** A registered incoming document's row. */
	record Registered(String unitCode, DocumentType type, String summary, String issuer, String originalNumber,
			LocalDate originalDate, String signerName, String urgency, int pages, int attachmentCount, LocalDate receivedOn,
			int number, byte[] pdf, String text, String createdBy, String check, String checkSummary) {
	}

	long insertIncoming(Registered r) {
		return jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, issuer, original_number, original_date,
				                      signer_name, urgency, page_count, attachment_count, received_on, register_year, number,
				                      pdf, pdf_text, created_by, signature_check, signature_summary)
				values (?, 'in', ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(r.unitCode(), r.type().name(), r.summary(), r.issuer(), r.originalNumber(), r.originalDate(), r.signerName(),
					r.urgency(), r.pages(), r.attachmentCount(), r.receivedOn(), r.receivedOn().getYear(), r.number(), r.pdf(),
					r.text(), r.createdBy(), r.check(), r.checkSummary())
			.query(Long.class).single();
	}

	/** What a released document carries to another commune's incoming register. */
	record Source(String type, String summary, String numberSymbol, @Nullable LocalDate issuedOn, String signerName, byte[] pdf,
			String text, @Nullable Integer pages) {
	}

	Optional<Source> releasedSource(String unitCode, long id) {
		return jdbc.sql("""
				select type, summary, number_symbol, issued_on, signer_name, pdf, pdf_text, page_count from document
				where id = ? and unit_code = ? and status = 'released'""")
			.params(id, unitCode)
			.query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getBytes(6), rs.getString(7), rs.getObject(8, Integer.class)))
			.optional();
	}

	boolean delivered(String recipientUnit, long sourceId, String sourceUnit) {
		return jdbc.sql("select count(*) from document where unit_code = ? and source_document_id = ? and source_unit_code = ?")
			.params(recipientUnit, sourceId, sourceUnit).query(Long.class).single() > 0;
	}

	long insertDelivered(String recipientUnit, Source s, String issuer, LocalDate today, int number, long sourceId,
			String sourceUnit, String check, String checkSummary) {
		return jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, issuer, original_number, original_date,
				                      signer_name, page_count, received_on, register_year, number, pdf, pdf_text, created_by,
				                      source_document_id, source_unit_code, signature_check, signature_summary)
				values (?, 'in', ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system', ?, ?, ?, ?) returning id""")
			.params(recipientUnit, s.type(), s.summary(), issuer, s.numberSymbol(), s.issuedOn(), s.signerName(), s.pages(), today,
					today.getYear(), number, s.pdf(), s.text(), sourceId, sourceUnit, check, checkSummary)
			.query(Long.class).single();
	}

	void setAttachmentCount(String unitCode, long id, int count) {
		jdbc.sql("update document set attachment_count = ? where id = ? and unit_code = ?").params(count, id, unitCode).update();
	}

	Optional<Document> find(String unitCode, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ?").params(id, unitCode).query(DocumentTable::map).optional()
			.map(this::withDetails);
	}

	/** The document locked for a change in this transaction. */
	Optional<Document> lock(String unitCode, long id) {
		return jdbc.sql(SELECT + " where id = ? and unit_code = ? for update").params(id, unitCode).query(DocumentTable::map)
			.optional().map(this::withDetails);
	}

	/** The document as the aggregate of its workflow, locked for a change in this transaction; not found in another unit. */
	RegisterEntry entry(String unitCode, long id) {
		return RegisterEntry.of(lock(unitCode, id).orElseThrow(() -> new Documents.NotFound(id)));
	}

	byte[] storedPdf(String unitCode, long id) {
		return jdbc.sql("select pdf from document where id = ? and unit_code = ?").params(id, unitCode).query(byte[].class).single();
	}

	Optional<Documents.Signatures> signatures(String unitCode, long id) {
		return jdbc.sql("select leader_signed_by, leader_signed_at, signature_check, signature_summary from document where id = ? and unit_code = ?")
			.params(id, unitCode)
			.query((rs, n) -> {
				var at = rs.getTimestamp(2);
				return new Documents.Signatures(rs.getString(1), at == null ? null : at.toInstant(),
						DocumentSignatures.parseCheck(rs.getString(3)),
						CheckSummary.said(rs.getString(4), CheckSummary.readerLocale()));
			})
			.optional();
	}

	Documents.Counts counts(String unitCode, int year, LocalDate today) {
		return jdbc.sql("""
				select count(*) filter (where direction = 'in'),
				       count(*) filter (where direction = 'in' and status = 'done'),
				       count(*) filter (where direction = 'in' and status = 'done'
				                         and (deadline is null or (done_at at time zone 'Asia/Ho_Chi_Minh')::date <= deadline)),
				       count(*) filter (where direction = 'in' and status = 'assigned' and deadline < :today),
				       count(*) filter (where direction = 'out' and status = 'released'),
				       count(*) filter (where direction = 'out' and status = 'released' and pdf is not null)
				from document where unit_code = :unit and register_year = :year""")
			.param("unit", unitCode).param("year", year).param("today", today)
			.query((rs, n) -> new Documents.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.single();
	}

	// ---------------------------------------------------------------- handlers and notes

	void assign(Actor actor, long id, String note, LocalDate deadline, List<Documents.Handler> handlers) {
		jdbc.sql("delete from document_assignment where document_id = ? and unit_code = ?").params(id, actor.unitCode()).update();
		for (var handler : handlers) {
			jdbc.sql("insert into document_assignment (document_id, unit_code, username, full_name, deadline, assigned_by) values (?, ?, ?, ?, ?, ?)")
				.params(id, actor.unitCode(), handler.username(), handler.fullName(), deadline, actor.username()).update();
		}
		jdbc.sql("update document set status = 'assigned', direction_note = ?, deadline = ?, updated_at = now() where id = ? and unit_code = ?")
			.params(note, deadline, id, actor.unitCode()).update();
	}

	/** Marks the document done and gives the day it was done in Vietnam. */
	LocalDate done(String unitCode, long id, @Nullable Long replyId) {
		jdbc.sql("update document set status = 'done', done_at = now(), reply_id = ?, updated_at = now() where id = ? and unit_code = ?")
			.params(replyId, id, unitCode).update();
		return jdbc.sql("select (done_at at time zone 'Asia/Ho_Chi_Minh')::date from document where id = ? and unit_code = ?")
			.params(id, unitCode).query(LocalDate.class).single();
	}

	void addNote(Actor actor, long id, String kind, String text) {
		jdbc.sql("insert into document_note (document_id, unit_code, kind, author, text) values (?, ?, ?, ?, ?)")
			.params(id, actor.unitCode(), kind, actor.fullName(), text).update();
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

	private static Document map(ResultSet rs, int n) throws SQLException {
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
