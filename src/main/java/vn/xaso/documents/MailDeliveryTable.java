package vn.xaso.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only SQL of e-mailing released documents to outside recipients ({@code document_mail_delivery}), with the
 * released document's e-mail recipients, PDF and attachment files it reads.
 */
@Component
class MailDeliveryTable {

	/** What is sent: the released document and its organisation-signed attachment files. */
	record Source(String numberSymbol, String summary, @Nullable LocalDate issuedOn, byte[] pdf, List<String> addresses,
			List<AttachedFile> attachments) {
	}

	record AttachedFile(String title, byte[] pdf) {
	}

	/** A delivery row claimed for sending now. */
	record Claimed(long id, String address, int attempts) {
	}

	/** A document with deliveries due. */
	record Due(String unitCode, long documentId) {
	}

	private final JdbcClient jdbc;

	MailDeliveryTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> recipients(String unitCode, long documentId) {
		return jdbc.sql("select email_recipients from document where id = ? and unit_code = ?").params(documentId, unitCode)
			.query(String.class).optional();
	}

	List<DocumentMail.Delivery> deliveries(String unitCode, long documentId) {
		return jdbc.sql("""
				select address, status, attempts, last_error, next_attempt_at, sent_at, updated_at from document_mail_delivery
				where document_id = ? and unit_code = ? order by id""")
			.params(documentId, unitCode)
			.query((rs, n) -> new DocumentMail.Delivery(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** The released outgoing document with its attachment files, empty when it is not one. */
	Optional<Source> source(String unitCode, long documentId) {
		return jdbc.sql("""
				select number_symbol, summary, issued_on, pdf, email_recipients from document
				where id = ? and unit_code = ? and direction = 'out' and status = 'released'""")
			.params(documentId, unitCode)
			.query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBytes(4),
					DocumentMailAddresses.list(rs.getString(5)), List.of()))
			.optional()
			.map(doc -> new Source(doc.numberSymbol(), doc.summary(), doc.issuedOn(), doc.pdf(), doc.addresses(),
					jdbc.sql("select title, pdf from document_attachment where document_id = ? and unit_code = ? order by id")
						.params(documentId, unitCode).query((rs, n) -> new AttachedFile(rs.getString(1), rs.getBytes(2))).list()));
	}

	/** A row for the address, once. */
	void queue(String unitCode, long documentId, String address) {
		jdbc.sql("insert into document_mail_delivery (unit_code, document_id, address) values (?, ?, ?) on conflict do nothing")
			.params(unitCode, documentId, address).update();
	}

	/** Claims the rows that are due (leased until {@code lease}), so the listener and the retry job never send one twice. */
	List<Claimed> claimDue(String unitCode, long documentId, Instant now, Instant lease, int maxAttempts) {
		return jdbc.sql("""
				update document_mail_delivery set next_attempt_at = :lease, updated_at = :now
				where id in (select id from document_mail_delivery
				             where document_id = :doc and unit_code = :unit and status in ('pending', 'failed')
				               and attempts < :max and (next_attempt_at is null or next_attempt_at <= :now)
				             for update skip locked)
				returning id, address, attempts""")
			.param("lease", ts(lease)).param("now", ts(now)).param("doc", documentId).param("unit", unitCode)
			.param("max", maxAttempts)
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
	}

	/** Documents with a delivery due at {@code now}, in every visible commune. */
	List<Due> due(Instant now, int maxAttempts) {
		return jdbc.sql("""
				select distinct unit_code, document_id from document_mail_delivery
				where status in ('pending', 'failed') and attempts < ? and coalesce(next_attempt_at, created_at) <= ?""")
			.params(maxAttempts, ts(now))
			.query((rs, n) -> new Due(rs.getString(1), rs.getLong(2))).list();
	}

	void sent(long rowId, int attempts, Instant now) {
		jdbc.sql("""
				update document_mail_delivery set status = 'sent', attempts = ?, last_error = null, next_attempt_at = null,
				       sent_at = ?, updated_at = ? where id = ?""")
			.params(attempts, ts(now), ts(now), rowId).update();
	}

	void failed(long rowId, int attempts, String problem, @Nullable Instant next, Instant now) {
		jdbc.sql("""
				update document_mail_delivery set status = 'failed', attempts = ?, last_error = ?, next_attempt_at = ?,
				       updated_at = ? where id = ?""")
			.params(attempts, problem, next == null ? null : ts(next), ts(now), rowId).update();
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
