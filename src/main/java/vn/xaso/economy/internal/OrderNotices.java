package vn.xaso.economy.internal;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.platform.Refusal;
import vn.xaso.economy.Order;
import vn.xaso.economy.Producer;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/**
 * Tells the buyer and the producer about each state of an order (templates {@code economy.notice.buyer.STATUS} and
 * {@code economy.notice.producer.STATUS} in i18n/economy.properties), by text message to their phones, queued in the
 * order's transaction (nothing is sent if it rolls back; one message per order, state and person).
 */
@Component
class OrderNotices {

	private final ApplicationEventPublisher events;

	OrderNotices(ApplicationEventPublisher events) {
		this.events = events;
	}

	void placed(Order order, Producer producer) {
		changed(order, producer);
	}

	void changed(Order order, Producer producer) {
		var amount = Refusal.bundleText("i18n/economy", "economy.text.amount",
				String.format(java.util.Locale.ROOT, "%,d", order.amountVnd()).replace(',', '.'));
		var params = Map.of("code", order.code(), "product", order.productName(), "quantity", String.valueOf(order.quantity()),
				"amount", amount, "producer", producer.name(), "buyer", order.buyerName(),
				"tracking", order.trackingNumber() == null ? "" : order.trackingNumber());
		var status = order.status().name();
		events.publishEvent(new Notice(order.unitCode(), Recipient.person(order.buyerPhone(), null, order.buyerName()),
				"economy.notice.buyer." + status, params, "economy-order-" + order.id() + "-" + status + "-buyer",
				"/x/" + order.unitCode() + "/cho/don/" + order.code()));
		events.publishEvent(new Notice(order.unitCode(), Recipient.person(producer.phone(), null, producer.contactName()),
				"economy.notice.producer." + status, params, "economy-order-" + order.id() + "-" + status + "-producer",
				"/economy/mine/orders/" + order.id()));
	}
}
