package vn.xaso.payments;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test-only listener: remembers every {@link BillPaid} the application published (a real listener, no mock). */
@Component
class BillPaidRecorder {

	static final List<BillPaid> EVENTS = new CopyOnWriteArrayList<>();

	@EventListener
	void on(BillPaid event) {
		EVENTS.add(event);
	}

	static long countFor(long billId) {
		return EVENTS.stream().filter(e -> e.billId() == billId).count();
	}
}
