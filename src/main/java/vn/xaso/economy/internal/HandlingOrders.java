package vn.xaso.economy.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.xaso.platform.Refusal;
import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Order;
import vn.xaso.identity.OfficialPrincipal;

/**
 * What happens to an order after it was placed, each step under the order's row lock and decided by {@link OrderDeal}:
 * the bank's notification marks it paid (once, however often it comes), the producer delivers or cancels it (ships it:
 * {@link ShippingOrders}),
 * the buyer cancels it while it is not paid. A cancellation gives the quantity back to the stock exactly once.
 */
@Service
public class HandlingOrders {

	private static final Logger log = LoggerFactory.getLogger(HandlingOrders.class);

	private final Sellers sellers;
	private final OrderTable orders;
	private final ProductTable products;
	private final ProducerTable producers;
	private final OrderNotices notices;
	private final vn.xaso.payments.Payments payments;
	private final EconomyWork work;

	HandlingOrders(Sellers sellers, OrderTable orders, ProductTable products, ProducerTable producers, OrderNotices notices,
			vn.xaso.payments.Payments payments, EconomyWork work) {
		this.payments = payments;
		this.sellers = sellers;
		this.orders = orders;
		this.products = products;
		this.producers = producers;
		this.notices = notices;
		this.work = work;
	}

	/** The producer's own order. */
	public Order ofMine(OfficialPrincipal me, long id) {
		return work.inTx(() -> orders.ofProducer(sellers.of(me).id(), id)
			.orElseThrow(() -> new EconomyException(null, "economy.error.noOrder")));
	}

	public void deliver(OfficialPrincipal me, long id) {
		producerStep(me, id, OrderDeal::deliver, "economy.order.delivered");
	}

	public void cancelByProducer(OfficialPrincipal me, long id, @Nullable String reason) {
		var why = reason == null ? "" : reason.strip();
		if (why.length() < 3 || why.length() > 300) {
			throw new EconomyException("reason", "economy.error.reason");
		}
		work.inTx(() -> {
			var producer = sellers.of(me);
			var order = orders.lockOfProducer(producer.id(), id).orElseThrow(() -> new EconomyException(null, "economy.error.noOrder"));
			cancel(order, false, me.username(), why);
			return null;
		});
	}

	/** The buyer, from their order's page: only while the order is not paid. */
	public void cancelByBuyer(String unitCode, String code) {
		work.asUnit(unitCode, () -> {
			var order = orders.lockByCode(unitCode, code).orElseThrow(() -> new EconomyException(null, "economy.error.noOrder"));
			cancel(order, true, "buyer", Refusal.bundleText("i18n/economy", "economy.text.buyerCancelled"));
			return null;
		});
	}

	/**
	 * A bill was paid (payments' BillPaid): when it is an order's, the order becomes PAID — once. Runs in a
	 * transaction of its own in the bill's commune.
	 */
	public void paid(String unitCode, String externalRef) {
		if (!externalRef.startsWith(PlacingOrders.BILL_PREFIX)) {
			return;
		}
		var code = externalRef.substring(PlacingOrders.BILL_PREFIX.length());
		work.asUnit(unitCode, () -> {
			var found = orders.lockByCode(unitCode, code);
			if (found.isEmpty()) {
				return null;
			}
			var deal = new OrderDeal(found.get());
			if (!deal.pay()) {
				log.info("Order {} paid again or after it was {}: nothing changed", code, found.get().status());
				if (found.get().status() == Order.Status.CANCELLED) {
					work.audit(unitCode, "bank-webhook", "economy.order.paidAfterCancel", "order", found.get().id(), code);
				}
				return null;
			}
			var now = work.now();
			orders.save(deal, now, null, null);
			work.audit(unitCode, "bank-webhook", "economy.order.paid", "order", found.get().id(), code + " " + found.get().amountVnd() + " VND");
			work.publish(deal.events());
			notices.changed(orders.byCode(unitCode, code).orElseThrow(), producers.find(unitCode, found.get().producerId()).orElseThrow());
			return null;
		});
	}

	private void producerStep(OfficialPrincipal me, long id, java.util.function.Consumer<OrderDeal> step, String action) {
		work.inTx(() -> {
			var producer = sellers.of(me);
			var order = orders.lockOfProducer(producer.id(), id).orElseThrow(() -> new EconomyException(null, "economy.error.noOrder"));
			var deal = new OrderDeal(order);
			step.accept(deal);
			orders.save(deal, work.now(), null, null);
			work.audit(me.unitCode(), me.username(), action, "order", id, order.code() + " " + order.status() + " -> " + deal.status());
			work.publish(deal.events());
			notices.changed(orders.ofProducer(producer.id(), id).orElseThrow(), producer);
			return null;
		});
	}

	private void cancel(Order order, boolean byBuyer, String by, String reason) {
		var deal = new OrderDeal(order);
		deal.cancel(byBuyer, by);
		orders.save(deal, work.now(), by, reason);
		products.giveBack(order.productId(), order.quantity());
		// the order's VietQR bill is cancelled with it: a transfer arriving later is held for a refund, never applied
		if (order.billId() != null) {
			payments.cancel(order.billId(), by, "order " + order.code() + " cancelled");
		}
		work.audit(order.unitCode(), by, "economy.order.cancelled", "order", order.id(),
				order.code() + " " + order.status() + " -> CANCELLED, stock +" + order.quantity());
		work.publish(deal.events());
		notices.changed(orders.byCode(order.unitCode(), order.code()).orElseThrow(),
				producers.find(order.unitCode(), order.producerId()).orElseThrow());
	}
}
