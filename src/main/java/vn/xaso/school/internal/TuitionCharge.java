package vn.xaso.school.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.school.SchoolException;
import vn.xaso.school.TuitionPaid;

/**
 * The tuition aggregate: one pupil's charge of a fee, backed by a payments bill. UNBILLED → BILLED (the parent
 * opened the payment: one bill, paid into the school's account) → PAID (the bank's notification, once). A repeated
 * payment changes nothing ({@link #pay} answers false); a paid charge is never billed again.
 */
final class TuitionCharge {

	enum State {
		UNBILLED, BILLED, PAID
	}

	static final String BILL_PREFIX = "hocphi-";

	private final SchoolViews.Charge charge;
	private @Nullable Long billId;
	private @Nullable Instant paidAt;
	private boolean cash;
	private final List<Object> events = new ArrayList<>();

	TuitionCharge(SchoolViews.Charge charge) {
		this.charge = charge;
		this.billId = charge.billId();
		this.paidAt = charge.paidAt();
		this.cash = charge.paidCash();
	}

	State state() {
		return paidAt != null ? State.PAID : billId != null ? State.BILLED : State.UNBILLED;
	}

	/** The bill's own key in payments: opening it twice returns the first bill. */
	String externalRef() {
		return BILL_PREFIX + charge.id();
	}

	void billed(long bill) {
		if (state() == State.PAID) {
			throw new SchoolException(null, "school.error.alreadyPaid");
		}
		if (billId != null && billId != bill) {
			throw new IllegalStateException("charge " + charge.id() + " already has bill " + billId);
		}
		billId = bill;
	}

	/** The bank said the bill was paid: true when this changed the charge, false for a repeat. */
	boolean pay(long bill, Instant at) {
		if (state() == State.PAID || billId == null || billId != bill) {
			return false;
		}
		paidAt = at;
		events.add(new TuitionPaid(charge.unitCode(), charge.id(), charge.feeId(), charge.pupilId(), charge.amountVnd()));
		return true;
	}

	/** The school received the money in cash: true when this changed the charge, false when it was paid already. */
	boolean payCash(Instant at) {
		if (state() == State.PAID) {
			return false;
		}
		paidAt = at;
		cash = true;
		return true;
	}

	boolean cash() {
		return cash;
	}

	SchoolViews.Charge charge() {
		return charge;
	}

	@Nullable Long billId() {
		return billId;
	}

	@Nullable Instant paidAt() {
		return paidAt;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
