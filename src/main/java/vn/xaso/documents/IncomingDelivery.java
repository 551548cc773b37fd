package vn.xaso.documents;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Delivery inside XaSo: when a released document names another commune, it is filed in that
 * commune's incoming register in a new transaction after the release committed, scoped to the
 * two units involved. The Modulith event publication registry keeps the event until it succeeds.
 */
@Component
class IncomingDelivery {

	private final Documents documents;

	IncomingDelivery(Documents documents) {
		this.documents = documents;
	}

	@ApplicationModuleListener
	public void on(Documents.DocumentReleased event) {
		if (event.byEmail()) {
			return; // outside recipients: DocumentMailSender
		}
		Tenancy.runAs(UnitScope.of(event.unitCode(), event.recipientUnit()), () -> documents.deliverNow(event));
	}
}
