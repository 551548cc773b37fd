package vn.xaso.economy.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.xaso.economy.Lot;
import vn.xaso.economy.Order;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Notifications;
import vn.xaso.notify.Recipient;

/**
 * Tells the buyers a recall may concern (template {@code economy.notice.recall}). Orders do not record the batch, so
 * the buyers told are those of every order of the batch's product placed since the batch's production date and not
 * cancelled — more people than strictly needed rather than fewer; one message per phone and batch.
 */
@Component
class RecallNotices {

	private final Notifications notifications;

	RecallNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	int tell(Lot lot, List<Order> orders, String reason) {
		var phones = new HashSet<String>();
		for (var order : orders) {
			if (!phones.add(order.buyerPhone())) {
				continue;
			}
			var params = Map.of("product", lot.productName(), "lot", lot.lotNumber(), "producer", lot.producerName(), "reason", reason,
					"code", order.code());
			notifications.send(new Notice(lot.unitCode(), Recipient.person(order.buyerPhone(), null, order.buyerName()),
					"economy.notice.recall", params, "economy-lot-" + lot.id() + "-recall-" + order.buyerPhone(), lot.digitalLinkPath()));
		}
		return phones.size();
	}
}
