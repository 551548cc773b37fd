package vn.xaso.economy.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.payments.BillPaid;

/** A paid bill whose external reference is an order's ("cho-" + code): the order becomes paid. */
@Component
class BillPaidListener {

	private final HandlingOrders orders;

	BillPaidListener(HandlingOrders orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(BillPaid paid) {
		orders.paid(paid.unitCode(), paid.externalRef());
	}
}
