package vn.xaso.economy.internal;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Lot;
import vn.xaso.economy.Order;
import vn.xaso.identity.OfficialPrincipal;

/**
 * The producer ships or hands over an order (decided by {@link OrderDeal}) and says which batch it is filled from: one
 * of the product's batches not recalled, by default the newest with enough left ({@link #choices}). The order keeps the
 * batch: the batch's trace page lists it (buyer masked) and a recall of the batch — or of a batch it was made from —
 * tells that order's buyer. Refused, nothing changed: a batch of another product or producer, a recalled batch, a batch
 * with less left than the order's quantity. A product without batches ships without one.
 */
@Service
public class ShippingOrders {

	/** The batches the order may be filled from, and the one chosen by default (null when there is none). */
	public record Choices(List<LotChoice> lots, @Nullable Long chosen) {
	}

	private final Sellers sellers;
	private final OrderTable orders;
	private final LotTable lots;
	private final LotLinkTable links;
	private final OrderNotices notices;
	private final EconomyWork work;

	ShippingOrders(Sellers sellers, OrderTable orders, LotTable lots, LotLinkTable links, OrderNotices notices, EconomyWork work) {
		this.sellers = sellers;
		this.orders = orders;
		this.lots = lots;
		this.links = links;
		this.notices = notices;
		this.work = work;
	}

	public Choices choices(OfficialPrincipal me, long orderId) {
		return work.inTx(() -> {
			var order = orders.ofProducer(sellers.of(me).id(), orderId).orElseThrow(() -> new EconomyException(null, "economy.error.noOrder"));
			return choices(order);
		});
	}

	/** Ships with the batch chosen ({@code lotId}; blank or null: the default batch). */
	public void ship(OfficialPrincipal me, long id, @Nullable String trackingNumber, @Nullable String lotId) {
		var lotText = ProducerEntry.text(lotId);
		var chosenId = lotText.isEmpty() ? null : ProductEntry.whole(lotText);
		if (!lotText.isEmpty() && chosenId == null) {
			throw new EconomyException("lotId", "economy.error.orderLot");
		}
		work.inTx(() -> {
			var producer = sellers.of(me);
			var order = orders.lockOfProducer(producer.id(), id).orElseThrow(() -> new EconomyException(null, "economy.error.noOrder"));
			var deal = new OrderDeal(order);
			deal.ship(trackingNumber);
			Long lot = chosenId == null ? choices(order).chosen() : Long.valueOf(checked(order, chosenId));
			orders.save(deal, work.now(), null, null);
			if (lot != null) {
				orders.fillFrom(id, lot);
			}
			work.audit(me.unitCode(), me.username(), "economy.order.shipped", "order", id,
					order.code() + " " + order.status() + " -> " + deal.status() + (lot == null ? "" : ", lot " + lot));
			work.publish(deal.events());
			notices.changed(orders.ofProducer(producer.id(), id).orElseThrow(), producer);
			return null;
		});
	}

	private Choices choices(Order order) {
		var open = lots.openOfProduct(order.productId(), work.today());
		var left = links.left(open.stream().map(Lot::id).toList());
		var list = open.stream().map(l -> new LotChoice(l, left.getOrDefault(l.id(), BigDecimal.ZERO))).toList();
		var chosen = order.lotId() != null ? order.lotId()
				: list.stream().filter(c -> c.left().compareTo(BigDecimal.valueOf(order.quantity())) >= 0).map(c -> c.lot().id()).findFirst()
					.orElse(null);
		return new Choices(list, chosen);
	}

	private long checked(Order order, long lotId) {
		var lot = lots.lock(lotId, work.today()).filter(l -> l.productId() == order.productId() && l.producerId() == order.producerId())
			.orElseThrow(() -> new EconomyException("lotId", "economy.error.orderLot"));
		if (lot.recalled()) {
			throw new EconomyException("lotId", "economy.error.orderLotRecalled", lot.lotNumber());
		}
		var left = links.left(List.of(lotId)).getOrDefault(lotId, BigDecimal.ZERO);
		if (left.compareTo(BigDecimal.valueOf(order.quantity())) < 0) {
			throw new EconomyException("lotId", "economy.error.orderLotLeft", lot.lotNumber(),
					left.signum() <= 0 ? "0" : left.stripTrailingZeros().toPlainString(), lot.unitLabel());
		}
		return lotId;
	}
}
