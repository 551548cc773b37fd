package vn.xaso.economy.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.economy.Lot;
import vn.xaso.economy.Order;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/**
 * Tells the buyers a recall concerns (template {@code economy.notice.recall}): those of the orders filled from the
 * recalled batch or from a batch made from it (the orders keep their batch from the day they are shipped), not
 * cancelled; one message per phone and recalled batch.
 */
@Component
class RecallNotices {

	private final ApplicationEventPublisher events;

	RecallNotices(ApplicationEventPublisher events) {
		this.events = events;
	}

	int tell(Lot lot, List<Order> orders, String reason) {
		var phones = new HashSet<String>();
		for (var order : orders) {
			if (!phones.add(order.buyerPhone())) {
				continue;
			}
			var params = Map.of("product", lot.productName(), "lot", lot.lotNumber(), "producer", lot.producerName(), "reason", reason,
					"code", order.code());
			events.publishEvent(new Notice(lot.unitCode(), Recipient.person(order.buyerPhone(), null, order.buyerName()),
					"economy.notice.recall", params, "economy-lot-" + lot.id() + "-recall-" + order.buyerPhone(), lot.digitalLinkPath()));
		}
		return phones.size();
	}
}
