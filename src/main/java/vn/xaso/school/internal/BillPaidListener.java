package vn.xaso.school.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.payments.BillPaid;

/** A paid bill whose external reference is a tuition charge's ("hocphi-" + id): the charge becomes paid. */
@Component("schoolBillPaidListener")
class BillPaidListener {

	private final PayingTuition tuition;

	BillPaidListener(PayingTuition tuition) {
		this.tuition = tuition;
	}

	@ApplicationModuleListener
	void on(BillPaid paid) {
		tuition.paid(paid.unitCode(), paid.externalRef(), paid.billId(), paid.paidAt());
	}
}
