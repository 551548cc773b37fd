package vn.xaso.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.payments.Bill;
import vn.xaso.payments.PaymentException;

/** The officers' lists: bills with search and filters, and bank transactions that need attention. */
@Component
public class PaymentQueries {

	public record BillRow(Bill bill, String payerName, Instant createdAt) {
	}

	public record Transaction(long id, String source, String bankTxnId, long amountVnd, String content,
			String accountNumber, @Nullable Instant bankTime, Instant receivedAt, @Nullable Long billId,
			@Nullable String billReference, String outcome, boolean flagged, @Nullable String resolvedBy,
			@Nullable String resolutionNote) {
	}

	public record Listing<T>(List<T> rows, long total) {
	}

	private final JdbcClient jdbc;
	private final AuditLog audit;

	PaymentQueries(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** {@code q}: part of the reference, external reference, payer or purpose (any case, with or without diacritics). */
	@Transactional(readOnly = true)
	public Listing<BillRow> bills(String unitCode, @Nullable String q, Bill.@Nullable Status status, int page, int size) {
		// The commune's own fees: bills paid into a payee's account (a producer's, the commune shop) are not listed here.
		var where = new StringBuilder(" from payment_bill where unit_code = :unit and payee_bin is null");
		var params = new java.util.HashMap<String, Object>();
		params.put("unit", unitCode);
		if (q != null && !q.isBlank()) {
			where.append(" and search_folded like '%' || xaso_fold(:q) || '%'");
			params.put("q", vn.xaso.platform.SqlLike.escape(q.strip()));
		}
		if (status != null) {
			where.append(" and status = :status");
			params.put("status", status.name());
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		var rows = jdbc.sql("select " + BillStore.COLUMNS + ", payer_name, created_at" + where
				+ " order by created_at desc, id desc limit :limit offset :offset")
			.params(params)
			.query((rs, i) -> new BillRow(BillStore.map(rs, i), rs.getString("payer_name"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		return new Listing<>(rows, total);
	}

	private static final String TXN = """
			select t.id, t.source, t.bank_txn_id, t.amount_vnd, t.content, t.account_number, t.bank_time, t.received_at,
			       t.bill_id, b.reference, t.outcome, t.flagged, t.resolved_by, t.resolution_note
			from payment_transaction t left join payment_bill b on b.id = t.bill_id""";

	private static Transaction txn(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		var bankTime = rs.getTimestamp("bank_time");
		var bill = (Long) rs.getObject("bill_id");
		return new Transaction(rs.getLong("id"), rs.getString("source"), rs.getString("bank_txn_id"), rs.getLong("amount_vnd"),
				rs.getString("content"), rs.getString("account_number"), bankTime == null ? null : bankTime.toInstant(),
				rs.getTimestamp("received_at").toInstant(), bill, rs.getString("reference"),
				rs.getString("outcome"), rs.getBoolean("flagged"), rs.getString("resolved_by"), rs.getString("resolution_note"));
	}

	/** Transactions officers must look at (over/under/duplicate/unmatched), newest first. */
	@Transactional(readOnly = true)
	public List<Transaction> flagged(String unitCode, int limit) {
		return jdbc.sql(TXN + " where t.unit_code = ? and t.flagged order by t.received_at desc, t.id desc limit ?")
			.params(unitCode, limit).query(PaymentQueries::txn).list();
	}

	@Transactional(readOnly = true)
	public long flaggedCount(String unitCode) {
		return jdbc.sql("select count(*) from payment_transaction where unit_code = ? and flagged").param(unitCode)
			.query(Long.class).single();
	}

	/** Every transaction recorded against one bill. */
	@Transactional(readOnly = true)
	public List<Transaction> ofBill(long billId) {
		return jdbc.sql(TXN + " where t.bill_id = ? order by t.received_at, t.id").param(billId).query(PaymentQueries::txn).list();
	}

	@Transactional(readOnly = true)
	public Optional<Transaction> transaction(String unitCode, long id) {
		return jdbc.sql(TXN + " where t.unit_code = ? and t.id = ?").params(unitCode, id).query(PaymentQueries::txn).optional();
	}

	/** An officer marks a flagged transaction as handled (refunded, matched by hand...), with a note. */
	@Transactional
	public void resolve(String unitCode, long id, String note, String actor) {
		var clean = note.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty()) {
			throw new PaymentException(java.util.Map.of("note", "Hãy ghi cách đã xử lý (ví dụ: đã hoàn trả tiền thừa)."));
		}
		if (clean.length() > 500) {
			throw new PaymentException(java.util.Map.of("note", "Ghi chú dài tối đa 500 ký tự."));
		}
		var t = transaction(unitCode, id).orElseThrow(() -> new PaymentException("Không tìm thấy giao dịch."));
		if (!t.flagged()) {
			throw new PaymentException("Giao dịch này đã được xử lý.");
		}
		jdbc.sql("update payment_transaction set flagged = false, resolved_by = ?, resolved_at = now(), resolution_note = ? where id = ? and unit_code = ?")
			.params(actor, clean, id, unitCode).update();
		audit.record(AuditEvent.of(unitCode, actor, "payment.transaction.resolved").on("payment_transaction", id)
			.change(t.outcome(), clean));
	}

	public static Bill.@Nullable Status status(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Bill.Status.valueOf(s.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
