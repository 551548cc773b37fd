package vn.xaso.payments;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.payments.internal.BankDirectory;
import vn.xaso.payments.internal.BillReferences;
import vn.xaso.payments.internal.BillStore;
import vn.xaso.payments.internal.PaymentAccounts;
import vn.xaso.payments.internal.QrImages;
import vn.xaso.payments.internal.ReceiptRenderer;
import vn.xaso.payments.internal.VietQr;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.Refusal.Text;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Units;

/**
 * Bills of a unit and how they get paid. Who sees a bill: an official (or system work) whose unit
 * scope covers the bill's unit, through row-level security; a signed-in citizen only the bills
 * opened with their citizen id. {@link #open} and {@link #recordCash} act in the caller's unit scope
 * (inside the caller's transaction when there is one).
 */
@Service
public class Payments {

	public static final long MAX_AMOUNT_VND = 500_000_000L;

	private final BillStore bills;
	private final PaymentAccounts accounts;
	private final BankDirectory banks;
	private final ApplicationEventPublisher events;
	private final Units units;
	private final TransactionTemplate citizenReads;

	Payments(BillStore bills, PaymentAccounts accounts, BankDirectory banks, ApplicationEventPublisher events,
			Units units, PlatformTransactionManager transactions) {
		this.bills = bills;
		this.accounts = accounts;
		this.banks = banks;
		this.events = events;
		this.units = units;
		this.citizenReads = new TransactionTemplate(transactions);
		this.citizenReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.citizenReads.setReadOnly(true);
	}

	/** Idempotent on (unitCode, externalRef): a second call returns the existing bill, never a second one. */
	@Transactional
	public Bill open(NewBill bill) {
		var errors = new LinkedHashMap<String, Text>();
		var unit = bill.unitCode() == null ? "" : bill.unitCode().strip();
		if (unit.isEmpty() || units.find(unit).isEmpty()) {
			errors.put("unitCode", new Text("payments.error.unit"));
		}
		var ref = bill.externalRef() == null ? "" : bill.externalRef().strip();
		if (ref.isEmpty() || ref.length() > 100) {
			errors.put("externalRef", new Text("payments.error.externalRef"));
		}
		var purpose = bill.purpose() == null ? "" : bill.purpose().strip().replaceAll("\\s+", " ");
		if (purpose.isEmpty()) {
			errors.put("purpose", new Text("payments.error.purpose"));
		}
		else if (purpose.length() > 300) {
			errors.put("purpose", new Text("payments.error.purposeLong"));
		}
		if (bill.amountVnd() <= 0) {
			errors.put("amountVnd", new Text("payments.error.amountZero"));
		}
		else if (bill.amountVnd() > MAX_AMOUNT_VND) {
			errors.put("amountVnd", new Text("payments.error.amountMax"));
		}
		var payer = bill.payerName() == null ? "" : bill.payerName().strip().replaceAll("\\s+", " ");
		if (payer.isEmpty()) {
			errors.put("payerName", new Text("payments.error.payer"));
		}
		else if (payer.length() > 200) {
			errors.put("payerName", new Text("payments.error.payerLong"));
		}
		if (bill.citizenId() != null && bill.citizenId() <= 0) {
			errors.put("citizenId", new Text("payments.error.citizen"));
		}
		if (!errors.isEmpty()) {
			throw PaymentException.of(errors);
		}
		var payee = bill.payee() == null ? null
				: accounts.check(bill.payee().bankBin(), bill.payee().accountNumber(), bill.payee().accountName());
		if (!Tenancy.current().sees(unit)) {
			throw PaymentException.of("", "payments.error.openNotAllowed", unit);
		}
		var existing = bills.byExternalRef(unit, ref);
		if (existing.isPresent()) {
			return existing.get();
		}
		var inserted = bills.insert(unit, ref, purpose, bill.amountVnd(), payer, bill.citizenId(), payee);
		if (inserted.isEmpty()) { // a concurrent open of the same externalRef won
			return bills.byExternalRef(unit, ref).orElseThrow();
		}
		long id = inserted.get();
		var reference = BillReferences.of(id);
		events.publishEvent(AuditEvent.of(unit, actor(), "payment.bill.opened").on("bill", id)
			.change(null, reference + " " + ref + " " + bill.amountVnd() + " VND"));
		return bills.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Bill> find(long billId) {
		return read(() -> visible(billId));
	}

	@Transactional(readOnly = true)
	public Optional<Bill> forExternalRef(String unitCode, String externalRef) {
		return read(() -> bills.byExternalRef(unitCode, externalRef).filter(this::citizenMayRead));
	}

	/** The payer's name as written on the bill (shown to officials and on the receipt). */
	@Transactional(readOnly = true)
	public Optional<String> payerName(long billId) {
		return read(() -> visible(billId).map(b -> bills.payerName(b.id())));
	}

	/** Officer records cash at the counter; refuses if already paid ("never charge twice"). */
	@Transactional
	public Bill recordCash(long billId, String officerUsername, long amountVnd) {
		var bill = bills.lock(billId).orElseThrow(() -> PaymentException.of("", "payments.error.noBill"));
		if (bill.settled()) {
			throw PaymentException.of("", "payments.error.paidReceipt", String.valueOf(bill.receiptNumber()));
		}
		if (bill.status() == Bill.Status.CANCELLED) {
			throw PaymentException.of("", "payments.error.cancelled");
		}
		if (amountVnd != bill.dueVnd()) {
			throw PaymentException.of("amountVnd", "payments.error.cashDue", ReceiptRenderer.vnd(bill.dueVnd()));
		}
		bills.apply(billId, amountVnd, Bill.Method.CASH, officerUsername, officerUsername);
		return bills.find(billId).orElseThrow();
	}

	/**
	 * Cancels a bill nothing was paid on yet, because what it was for was cancelled (a shop order): its VietQR stops
	 * being offered and a transfer arriving later is recorded as {@code CANCELLED_BILL} for an officer to refund, never
	 * applied. False (nothing changed) when the bill is paid, partly paid or cancelled already. Audited.
	 */
	@Transactional
	public boolean cancel(long billId, String actor, String reason) {
		var bill = bills.lock(billId).orElseThrow(() -> PaymentException.of("", "payments.error.noBill"));
		if (bill.status() != Bill.Status.UNPAID || !bills.cancel(billId)) {
			return false;
		}
		events.publishEvent(AuditEvent.of(bill.unitCode(), actor, "payment.cancelled").on("bill", billId)
			.change("UNPAID", "CANCELLED " + reason));
		return true;
	}

	/** The VietQR (EMVCo MPM) text for what is still due; refuses when the bill is settled or the unit has no account. */
	@Transactional(readOnly = true)
	public String vietQrPayload(long billId) {
		return read(() -> {
			var bill = visible(billId).orElseThrow(() -> PaymentException.of("", "payments.error.noBill"));
			return payload(bill);
		});
	}

	@Transactional(readOnly = true)
	public byte[] vietQrPng(long billId, int sizePx) {
		if (sizePx < QrImages.MIN_SIZE || sizePx > QrImages.MAX_SIZE) {
			throw PaymentException.of("size", "payments.error.qrSize", String.valueOf(QrImages.MIN_SIZE), String.valueOf(QrImages.MAX_SIZE));
		}
		return QrImages.png(vietQrPayload(billId), sizePx);
	}

	/** The electronic receipt (biên lai điện tử) once paid. */
	@Transactional(readOnly = true)
	public byte[] receiptPdf(long billId) {
		return read(() -> {
			var bill = visible(billId).orElseThrow(() -> PaymentException.of("", "payments.error.noBill"));
			if (!bill.settled() || bill.receiptNumber() == null || bill.paidAt() == null || bill.method() == null) {
				throw PaymentException.of("", "payments.error.noReceipt");
			}
			var unit = units.find(bill.unitCode()).orElseThrow();
			var province = units.find(unit.provinceCode()).map(u -> u.name()).orElse("");
			String bankLine = null;
			var payee = bills.payee(bill.id());
			if (bill.method() == Bill.Method.VIETQR && payee.isPresent()) {
				var p = payee.get();
				bankLine = banks.byBin(p.bankBin()).map(b -> b.shortName()).orElse(p.bankBin()) + " " + p.accountNumber() + " — "
						+ p.accountName();
			}
			else if (bill.method() == Bill.Method.VIETQR) {
				bankLine = accounts.find(bill.unitCode())
					.map(a -> banks.byBin(a.bankBin()).map(b -> b.shortName()).orElse(a.bankBin()) + " " + a.accountNumber()
							+ " — " + a.accountName())
					.orElse(null);
			}
			return ReceiptRenderer.render(new ReceiptRenderer.Receipt(unit.name(), province, bill.receiptNumber(),
					bill.reference(), bill.externalRef(), bills.payerName(bill.id()), bill.purpose(), bill.amountVnd(),
					bill.paidVnd(), Refusal.bundleText(PaymentException.BUNDLE, bill.method() == Bill.Method.CASH ? "payments.receipt.cash" : "payments.receipt.vietQr"),
					bill.paidAt(), bankLine, bills.cashOfficer(bill.id())));
		});
	}

	/** Banks a receiving account may be in (the bundled NAPAS list, VietQR members only), for a choice list. */
	public java.util.List<BankChoice> vietQrBanks() {
		return banks.all().stream().filter(b -> b.vietQr()).map(b -> new BankChoice(b.bin(), b.label())).toList();
	}

	/**
	 * Checks an account that bills may be paid into (a producer's own): BIN in the bundled VietQR list, 6–19 digits,
	 * a bank-style name. Returns it normalised; throws {@link PaymentException} with a message per field.
	 */
	public Payee checkPayee(String bankBin, String accountNumber, String accountName) {
		return accounts.check(bankBin, accountNumber, accountName);
	}

	/** The account the bill is paid into when it is not the unit's own (see {@link NewBill#payee()}). */
	@Transactional(readOnly = true)
	public Optional<Payee> payee(long billId) {
		return read(() -> visible(billId).flatMap(b -> bills.payee(b.id())));
	}

	/**
	 * The transfer details of a bill paid into a payee's own account, found by the caller's reference and read in the
	 * caller's unit scope — for the page of whoever holds the link (a commune shop order). Bills paid into the unit's
	 * own account are not answered here. {@code payload} is empty once the bill is settled or cancelled.
	 */
	@Transactional(readOnly = true)
	public Optional<PayeeTransfer> payeeTransfer(String unitCode, String externalRef) {
		return bills.byExternalRef(unitCode, externalRef).flatMap(bill -> bills.payee(bill.id()).map(p -> new PayeeTransfer(bill.id(),
				bill.dueVnd() > 0 ? VietQr.payload(p.bankBin(), p.accountNumber(), bill.dueVnd(), bill.reference()) : "", p.bankBin(),
				banks.byBin(p.bankBin()).map(b -> b.shortName()).orElse(p.bankBin()), p.accountNumber(), p.accountName(),
				bill.dueVnd(), bill.reference(), bill.settled())));
	}

	/** The unit's receiving account, if one was set (read in the caller's unit scope). */
	@Transactional(readOnly = true)
	public Optional<ReceivingAccount> receivingAccount(String unitCode) {
		return accounts.find(unitCode).map(this::account);
	}

	/**
	 * Sets the unit's receiving account after validating it (BIN in the NAPAS list, 6–19 digits, a
	 * bank-style name); audited. Throws {@link PaymentException} with a message per field.
	 */
	@Transactional
	public ReceivingAccount setReceivingAccount(String unitCode, String bankBin, String accountNumber, String accountName,
			String actor) {
		if (!Tenancy.current().sees(unitCode)) {
			throw PaymentException.of("", "payments.error.accountNotAllowed", unitCode);
		}
		return account(accounts.save(unitCode, bankBin, accountNumber, accountName, actor));
	}

	private ReceivingAccount account(PaymentAccounts.Account a) {
		return new ReceivingAccount(a.unitCode(), a.bankBin(), banks.byBin(a.bankBin()).map(b -> b.shortName()).orElse(a.bankBin()),
				a.accountNumber(), a.accountName(), a.updatedBy(), a.updatedAt());
	}

	private String payload(Bill bill) {
		if (bill.settled()) {
			throw PaymentException.of("", "payments.error.paid");
		}
		if (bill.status() == Bill.Status.CANCELLED) {
			throw PaymentException.of("", "payments.error.cancelled");
		}
		var payee = bills.payee(bill.id());
		if (payee.isPresent()) {
			return VietQr.payload(payee.get().bankBin(), payee.get().accountNumber(), bill.dueVnd(), bill.reference());
		}
		var account = accounts.find(bill.unitCode())
			.orElseThrow(() -> PaymentException.of("", "payments.error.noAccount"));
		return VietQr.payload(account.bankBin(), account.accountNumber(), bill.dueVnd(), bill.reference());
	}

	private Optional<Bill> visible(long billId) {
		return bills.find(billId).filter(this::citizenMayRead);
	}

	private boolean citizenMayRead(Bill bill) {
		var citizen = citizen();
		return citizen == null || citizen.equals(bill.citizenId());
	}

	/**
	 * Reads in the caller's scope; for a signed-in citizen (who has no unit scope) in a separate
	 * read-only system-wide transaction, and the bill's citizen id is checked by {@link #citizenMayRead}.
	 */
	private <T> T read(Supplier<T> work) {
		if (citizen() == null) {
			return work.get();
		}
		return Tenancy.callAs(UnitScope.systemWide(), () -> citizenReads.execute(status -> work.get()));
	}

	private static @Nullable Long citizen() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CitizenPrincipal c ? c.id() : null;
	}

	private static String actor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null ? "system" : auth.getName();
	}
}
