package vn.xaso.dossiers.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.payments.Bill;
import vn.xaso.payments.BillPaid;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** A paid bill whose reference is a dossier code: "paid" on the dossier's timeline, online or at the counter. */
@Component
class FeePaidListener {

	private final PayingFees fees;

	FeePaidListener(PayingFees fees) {
		this.fees = fees;
	}

	@ApplicationModuleListener
	void on(BillPaid paid) {
		Tenancy.runAs(UnitScope.of(paid.unitCode()),
				() -> fees.recordPaid(paid.unitCode(), paid.externalRef(), paid.billId(), paid.amountVnd(),
						paid.method() == Bill.Method.VIETQR, paid.paidAt()));
	}
}
