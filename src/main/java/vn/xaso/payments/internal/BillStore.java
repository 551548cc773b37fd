package vn.xaso.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.payments.Bill;
import vn.xaso.payments.BillPaid;

/**
 * The only SQL of bills and the bank transfers recorded against them ({@code payment_bill},
 * {@code payment_transaction}, {@code payment_receipt_counter}), and the one place where money is applied
 * to a bill. Callers hold the transaction; every method relies on row-level security for the unit and
 * locks the bill row before changing it, so two payments of one bill queue and the second sees the first.
 */
@Component
public class BillStore {

	static final String COLUMNS = "id, unit_code, external_ref, reference, purpose, amount_vnd, paid_vnd, status, method, paid_at, receipt_number, citizen_id";

	/** What a payment did to its bill. */
	public enum Applied {
		/** Paid in full exactly. */
		PAID,
		/** Part of the amount; the bill stays open (UNDERPAID). */
		PARTIAL,
		/** More than due: settled, surplus flagged for a refund. */
		OVERPAID,
		/** The bill was already settled: recorded, not applied. */
		DUPLICATE,
		/** The bill is cancelled: recorded, not applied. */
		CANCELLED_BILL
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	BillStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public static Bill map(ResultSet rs, int row) throws SQLException {
		var method = rs.getString("method");
		var paidAt = rs.getTimestamp("paid_at");
		var citizen = (Long) rs.getObject("citizen_id");
		return new Bill(rs.getLong("id"), rs.getString("unit_code"), rs.getString("external_ref"),
				rs.getString("reference"), rs.getString("purpose"), rs.getLong("amount_vnd"), rs.getLong("paid_vnd"),
				Bill.Status.valueOf(rs.getString("status")), method == null ? null : Bill.Method.valueOf(method),
				paidAt == null ? null : paidAt.toInstant(), rs.getString("receipt_number"),
				citizen);
	}

	/**
	 * A new bill with its reference made from its id; empty when a bill with the same external reference
	 * exists already in the unit (a concurrent open of it won).
	 */
	/** {@code payee}: the account the bill is paid into when it is not the unit's own (a producer's), or null. */
	public Optional<Long> insert(String unitCode, String externalRef, String purpose, long amountVnd, String payerName,
			@Nullable Long citizenId, vn.xaso.payments.@Nullable Payee payee) {
		long id = jdbc.sql("select nextval(pg_get_serial_sequence('payment_bill', 'id'))").query(Long.class).single();
		int inserted = jdbc.sql("""
				insert into payment_bill (id, unit_code, external_ref, reference, purpose, amount_vnd, payer_name, citizen_id,
				                          payee_bin, payee_account, payee_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (unit_code, external_ref) do nothing""")
			.params(id, unitCode, externalRef, BillReferences.of(id), purpose, amountVnd, payerName, citizenId,
					payee == null ? null : payee.bankBin(), payee == null ? null : payee.accountNumber(),
					payee == null ? null : payee.accountName()).update();
		return inserted == 0 ? Optional.empty() : Optional.of(id);
	}

	public Optional<Bill> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from payment_bill where id = ?").param(id).query(BillStore::map).optional();
	}

	public Optional<Bill> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from payment_bill where id = ? for no key update").param(id).query(BillStore::map).optional();
	}

	public Optional<Bill> byReference(String reference) {
		return jdbc.sql("select " + COLUMNS + " from payment_bill where reference = ?").param(reference).query(BillStore::map).optional();
	}

	public Optional<Bill> byExternalRef(String unitCode, String externalRef) {
		return jdbc.sql("select " + COLUMNS + " from payment_bill where unit_code = ? and external_ref = ?")
			.params(unitCode, externalRef).query(BillStore::map).optional();
	}

	/** The account the bill is paid into when it is not the unit's own (a producer's). */
	public Optional<vn.xaso.payments.Payee> payee(long id) {
		return jdbc.sql("select payee_bin, payee_account, payee_name from payment_bill where id = ? and payee_bin is not null")
			.param(id).query((rs, n) -> new vn.xaso.payments.Payee(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
	}

	/** The payer's name (not part of the public record, shown on pages and the receipt). */
	public String payerName(long id) {
		return jdbc.sql("select payer_name from payment_bill where id = ?").param(id).query(String.class).single();
	}

	public @Nullable String cashOfficer(long id) {
		return jdbc.sql("select cash_officer from payment_bill where id = ?").param(id).query(String.class).optional().orElse(null);
	}

	/** Cancels an unpaid bill (call with the row locked); false when it is not UNPAID. */
	public boolean cancel(long id) {
		return jdbc.sql("update payment_bill set status = 'CANCELLED' where id = ? and status = 'UNPAID'").param(id).update() == 1;
	}

	/**
	 * Applies {@code amount} to the bill (locked here). A settled or cancelled bill is not changed.
	 * Reaching the full amount assigns the receipt number and publishes {@link BillPaid}.
	 */
	public Applied apply(long billId, long amount, Bill.Method method, String actor, @Nullable String officer) {
		var bill = lock(billId).orElseThrow();
		if (bill.status() == Bill.Status.CANCELLED) {
			return Applied.CANCELLED_BILL;
		}
		if (bill.settled()) {
			events.publishEvent(AuditEvent.of(bill.unitCode(), actor, "payment.duplicate").on("bill", billId)
				.change(bill.status().name(), method + " " + amount + " VND not applied"));
			return Applied.DUPLICATE;
		}
		long paid = bill.paidVnd() + amount;
		Bill.Status status = paid == bill.amountVnd() ? Bill.Status.PAID
				: paid > bill.amountVnd() ? Bill.Status.OVERPAID : Bill.Status.UNDERPAID;
		Instant now = clock.instant();
		if (status == Bill.Status.UNDERPAID) {
			jdbc.sql("update payment_bill set paid_vnd = ?, status = 'UNDERPAID', method = ? where id = ?")
				.params(paid, method.name(), billId).update();
			events.publishEvent(AuditEvent.of(bill.unitCode(), actor, "payment.partial").on("bill", billId)
				.change(bill.status() + " " + bill.paidVnd(), "UNDERPAID " + paid + "/" + bill.amountVnd()));
			return Applied.PARTIAL;
		}
		var receipt = nextReceiptNumber(bill.unitCode(), now);
		jdbc.sql("""
				update payment_bill set paid_vnd = ?, status = ?, method = ?, paid_at = ?, receipt_number = ?, cash_officer = ?
				where id = ?""")
			.params(paid, status.name(), method.name(), Timestamp.from(now), receipt, officer, billId).update();
		events.publishEvent(AuditEvent.of(bill.unitCode(), actor, "payment.paid").on("bill", billId)
			.change(bill.status() + " " + bill.paidVnd(), status + " " + paid + "/" + bill.amountVnd() + " " + method + " " + receipt));
		if (status == Bill.Status.PAID) { // earlier part payments of this bill need no more attention
			jdbc.sql("""
					update payment_transaction set flagged = false, resolved_by = 'system', resolved_at = now(),
					  resolution_note = 'Khoản thu đã được nộp đủ.'
					where bill_id = ? and outcome = 'UNDERPAID' and flagged""").param(billId).update();
		}
		events.publishEvent(new BillPaid(billId, bill.unitCode(), bill.externalRef(), bill.amountVnd(), method, now));
		return status == Bill.Status.PAID ? Applied.PAID : Applied.OVERPAID;
	}

	/** "000123/2026": the unit's receipt sequence of the Vietnam-local year, taken under a row lock. */
	String nextReceiptNumber(String unitCode, Instant now) {
		int year = now.atZone(ReceiptRenderer.VIETNAM).getYear();
		jdbc.sql("insert into payment_receipt_counter (unit_code, year) values (?, ?) on conflict do nothing")
			.params(unitCode, year).update();
		int next = jdbc.sql("""
				update payment_receipt_counter set last_number = last_number + 1
				where unit_code = ? and year = ? returning last_number""")
			.params(unitCode, year).query(Integer.class).single();
		return String.format("%06d/%d", next, year);
	}

	// ---------------------------------------------------------------- the officers' lists

	/** {@code q}: part of the reference, external reference, payer or purpose (any case, with or without diacritics). */
	PaymentQueries.Listing<PaymentQueries.BillRow> list(String unitCode, @Nullable String q, Bill.@Nullable Status status, int page,
			int size) {
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
		var rows = jdbc.sql("select " + COLUMNS + ", payer_name, created_at" + where + " order by created_at desc, id desc limit :limit offset :offset")
			.params(params)
			.query((rs, i) -> new PaymentQueries.BillRow(map(rs, i), rs.getString("payer_name"), rs.getTimestamp("created_at").toInstant()))
			.list();
		return new PaymentQueries.Listing<>(rows, total);
	}

	// ---------------------------------------------------------------- bank transfers

	private static final String TXN = """
			select t.id, t.source, t.bank_txn_id, t.amount_vnd, t.content, t.account_number, t.bank_time, t.received_at,
			       t.bill_id, b.reference, t.outcome, t.flagged, t.resolved_by, t.resolution_note
			from payment_transaction t left join payment_bill b on b.id = t.bill_id""";

	/** Transactions officers must look at (over/under/duplicate/unmatched), newest first. */
	List<PaymentQueries.Transaction> flagged(String unitCode, int limit) {
		return jdbc.sql(TXN + " where t.unit_code = ? and t.flagged order by t.received_at desc, t.id desc limit ?")
			.params(unitCode, limit).query(BillStore::txn).list();
	}

	long flaggedCount(String unitCode) {
		return jdbc.sql("select count(*) from payment_transaction where unit_code = ? and flagged").param(unitCode)
			.query(Long.class).single();
	}

	List<PaymentQueries.Transaction> ofBill(long billId) {
		return jdbc.sql(TXN + " where t.bill_id = ? order by t.received_at, t.id").param(billId).query(BillStore::txn).list();
	}

	Optional<PaymentQueries.Transaction> transaction(String unitCode, long id) {
		return jdbc.sql(TXN + " where t.unit_code = ? and t.id = ?").params(unitCode, id).query(BillStore::txn).optional();
	}

	void resolve(String unitCode, long id, String note, String actor) {
		jdbc.sql("update payment_transaction set flagged = false, resolved_by = ?, resolved_at = now(), resolution_note = ? where id = ? and unit_code = ?")
			.params(actor, note, id, unitCode).update();
	}

	/** A bank's transfer as it was recorded: its outcome and the bill it went to. */
	record Recorded(String outcome, @Nullable String billReference) {
	}

	/**
	 * Claims the bank's transaction id (recorded as unmatched and flagged until {@link #outcome}): empty when it was
	 * recorded before — a concurrent copy of the same notification waits on the unique index and then finds it taken.
	 */
	Optional<Long> claim(String unitCode, String source, String bankTxnId, long amountVnd, String content, String account,
			@Nullable Instant bankTime, @Nullable Long billId) {
		return jdbc.sql("""
				insert into payment_transaction (unit_code, source, bank_txn_id, amount_vnd, content, account_number, bank_time,
				                                 bill_id, outcome, flagged)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'UNMATCHED', true)
				on conflict (source, bank_txn_id) do nothing returning id""")
			.params(unitCode, source, bankTxnId, amountVnd, content, account, bankTime == null ? null : Timestamp.from(bankTime), billId)
			.query(Long.class).optional();
	}

	Recorded recorded(String source, String bankTxnId) {
		return jdbc.sql("""
				select t.outcome, b.reference from payment_transaction t left join payment_bill b on b.id = t.bill_id
				where t.source = ? and t.bank_txn_id = ?""")
			.params(source, bankTxnId).query((rs, i) -> new Recorded(rs.getString(1), rs.getString(2))).single();
	}

	void outcome(long transactionId, String outcome, boolean flagged) {
		jdbc.sql("update payment_transaction set outcome = ?, flagged = ? where id = ?").params(outcome, flagged, transactionId).update();
	}

	private static PaymentQueries.Transaction txn(ResultSet rs, int i) throws SQLException {
		var bankTime = rs.getTimestamp("bank_time");
		var bill = (Long) rs.getObject("bill_id");
		return new PaymentQueries.Transaction(rs.getLong("id"), rs.getString("source"), rs.getString("bank_txn_id"), rs.getLong("amount_vnd"),
				rs.getString("content"), rs.getString("account_number"), bankTime == null ? null : bankTime.toInstant(),
				rs.getTimestamp("received_at").toInstant(), bill, rs.getString("reference"), rs.getString("outcome"), rs.getBoolean("flagged"),
				rs.getString("resolved_by"), rs.getString("resolution_note"));
	}
}
