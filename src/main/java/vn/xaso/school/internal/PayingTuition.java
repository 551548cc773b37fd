package vn.xaso.school.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.payments.NewBill;
import vn.xaso.payments.PayeeTransfer;
import vn.xaso.payments.Payments;
import vn.xaso.platform.Refusal;
import vn.xaso.school.SchoolException;

/**
 * A parent pays their child's charge by VietQR into the school's own account, exactly as a commune-shop order is paid
 * into its producer's: a payments bill with the school as payee, opened (once, keyed "hocphi-" + charge) when the
 * parent first opens the payment, with the parent as the bill's citizen so the receipt is theirs. The bank's
 * notification marks the charge paid ({@link #paid}); the parent then downloads the receipt.
 */
@Service
public class PayingTuition {

	private static final Logger log = LoggerFactory.getLogger(PayingTuition.class);

	public record Payment(SchoolViews.Pupil pupil, SchoolViews.Charge charge, String schoolName, PayeeTransfer transfer) {
	}

	private final FeeTable fees;
	private final SchoolTable schools;
	private final ReadingContactBook parents;
	private final Payments payments;
	private final SchoolMetrics metrics;
	private final SchoolWork work;

	PayingTuition(FeeTable fees, SchoolTable schools, ReadingContactBook parents, Payments payments, SchoolMetrics metrics, SchoolWork work) {
		this.metrics = metrics;
		this.fees = fees;
		this.schools = schools;
		this.parents = parents;
		this.payments = payments;
		this.work = work;
	}

	/** The payment of one charge of the parent's child: its bill opened if it was not yet, and what to transfer. */
	public Payment open(CitizenPrincipal parent, long pupilId, long chargeId) {
		var pupil = work.asParent(() -> parents.child(parent, pupilId));
		return work.asUnit(pupil.unitCode(), () -> {
			var c = fees.lock(chargeId).filter(x -> x.pupilId() == pupilId).orElseThrow(() -> new SchoolException(null, "school.error.noFee"));
			var schoolClass = schools.schoolClass(pupil.classId()).orElseThrow();
			var school = schools.school(pupil.unitCode(), schoolClass.schoolId()).orElseThrow();
			var charge = new TuitionCharge(c);
			if (charge.state() == TuitionCharge.State.UNBILLED) {
				var bill = payments.open(new NewBill(pupil.unitCode(), charge.externalRef(), cut(Refusal.bundleText("i18n/school", "school.text.billPurpose",
						c.title(), pupil.fullName(), pupil.className(), school.name())), c.amountVnd(), pupil.parentName(), parent.id(), school.account()));
				charge.billed(bill.id());
				fees.save(charge);
				work.audit(pupil.unitCode(), parent.getName(), "school.charge.billed", "charge", c.id(), bill.reference());
			}
			var transfer = payments.payeeTransfer(pupil.unitCode(), charge.externalRef()).orElseThrow();
			return new Payment(pupil, fees.lock(chargeId).orElseThrow(), school.name(), transfer);
		});
	}

	/** The electronic receipt of a paid charge of the parent's child. */
	public byte[] receipt(CitizenPrincipal parent, long pupilId, long chargeId) {
		var charge = work.asParent(() -> {
			parents.child(parent, pupilId);
			return fees.lock(chargeId).filter(x -> x.pupilId() == pupilId).orElseThrow(() -> new SchoolException(null, "school.error.noFee"));
		});
		if (charge.paidAt() == null || charge.billId() == null) {
			throw new SchoolException(null, "school.error.notPaid");
		}
		return payments.receiptPdf(charge.billId());
	}

	/** A bill was paid (payments' BillPaid): when it is a charge's, the charge becomes paid — once. */
	public void paid(String unitCode, String externalRef, long billId, java.time.Instant at) {
		if (!externalRef.startsWith(TuitionCharge.BILL_PREFIX) || !externalRef.substring(TuitionCharge.BILL_PREFIX.length()).matches("[0-9]{1,18}")) {
			return;
		}
		long id = Long.parseLong(externalRef.substring(TuitionCharge.BILL_PREFIX.length()));
		work.asUnit(unitCode, () -> {
			var found = fees.lock(id);
			if (found.isEmpty()) {
				return null;
			}
			var charge = new TuitionCharge(found.get());
			if (!charge.pay(billId, at)) {
				log.info("Charge {} paid again: nothing changed", id);
				return null;
			}
			fees.save(charge);
			metrics.chargePaid(id);
			work.audit(unitCode, "bank-webhook", "school.charge.paid", "charge", id, found.get().amountVnd() + " VND");
			work.publish(charge.events());
			return null;
		});
	}

	private static String cut(String s) {
		return s.length() <= 300 ? s : s.substring(0, 299) + "…";
	}
}
