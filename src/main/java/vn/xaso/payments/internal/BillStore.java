package vn.xaso.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.payments.Bill;
import vn.xaso.payments.BillPaid;

/**
 * Bill rows and the one place where money is applied to a bill. Callers hold the transaction; every
 * method relies on row-level security for the unit and locks the bill row before changing it, so
 * two payments of one bill queue and the second sees the first.
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
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	BillStore(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
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
			audit.record(AuditEvent.of(bill.unitCode(), actor, "payment.duplicate").on("bill", billId)
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
			audit.record(AuditEvent.of(bill.unitCode(), actor, "payment.partial").on("bill", billId)
				.change(bill.status() + " " + bill.paidVnd(), "UNDERPAID " + paid + "/" + bill.amountVnd()));
			return Applied.PARTIAL;
		}
		var receipt = nextReceiptNumber(bill.unitCode(), now);
		jdbc.sql("""
				update payment_bill set paid_vnd = ?, status = ?, method = ?, paid_at = ?, receipt_number = ?, cash_officer = ?
				where id = ?""")
			.params(paid, status.name(), method.name(), Timestamp.from(now), receipt, officer, billId).update();
		audit.record(AuditEvent.of(bill.unitCode(), actor, "payment.paid").on("bill", billId)
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
}
