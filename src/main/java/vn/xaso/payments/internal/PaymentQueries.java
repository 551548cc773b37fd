package vn.xaso.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.payments.Bill;
import vn.xaso.payments.PaymentException;

/**
 * The officers' lists, each in a read-only transaction: bills with search and filters, and bank transactions that
 * need attention (the SQL is {@link BillStore}'s); an officer resolves a flagged transaction.
 */
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

	private final BillStore bills;
	private final ApplicationEventPublisher events;

	PaymentQueries(BillStore bills, ApplicationEventPublisher events) {
		this.bills = bills;
		this.events = events;
	}

	/** {@code q}: part of the reference, external reference, payer or purpose (any case, with or without diacritics). */
	@Transactional(readOnly = true)
	public Listing<BillRow> bills(String unitCode, @Nullable String q, Bill.@Nullable Status status, int page, int size) {
		return bills.list(unitCode, q, status, page, size);
	}

	/** Transactions officers must look at (over/under/duplicate/unmatched), newest first. */
	@Transactional(readOnly = true)
	public List<Transaction> flagged(String unitCode, int limit) {
		return bills.flagged(unitCode, limit);
	}

	@Transactional(readOnly = true)
	public long flaggedCount(String unitCode) {
		return bills.flaggedCount(unitCode);
	}

	/** Every transaction recorded against one bill. */
	@Transactional(readOnly = true)
	public List<Transaction> ofBill(long billId) {
		return bills.ofBill(billId);
	}

	@Transactional(readOnly = true)
	public Optional<Transaction> transaction(String unitCode, long id) {
		return bills.transaction(unitCode, id);
	}

	/** An officer marks a flagged transaction as handled (refunded, matched by hand...), with a note. */
	@Transactional
	public void resolve(String unitCode, long id, String note, String actor) {
		var clean = note.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty()) {
			throw PaymentException.of("note", "payments.error.resolveNote");
		}
		if (clean.length() > 500) {
			throw PaymentException.of("note", "payments.error.resolveNoteLong");
		}
		var t = transaction(unitCode, id).orElseThrow(() -> PaymentException.of("", "payments.error.noTransaction"));
		if (!t.flagged()) {
			throw PaymentException.of("", "payments.error.resolved");
		}
		bills.resolve(unitCode, id, clean, actor);
		events.publishEvent(AuditEvent.of(unitCode, actor, "payment.transaction.resolved").on("payment_transaction", id)
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
