package vn.xaso.economy.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Order;
import vn.xaso.economy.Order.Status;
import vn.xaso.economy.OrderCancelled;
import vn.xaso.economy.OrderDelivered;
import vn.xaso.economy.OrderPaid;
import vn.xaso.economy.OrderShipped;

/**
 * The order aggregate: the one place that decides a state change. PLACED → PAID (a VietQR order, once its transfer
 * arrived) → SHIPPED (a post order needs its tracking number) → DONE; a cash order goes PLACED → SHIPPED. The buyer
 * may cancel while PLACED, the producer while PLACED or PAID; cancelling gives the quantity back to the stock (the
 * caller does it once, when {@link #cancel} said so). A repeated or late request changes nothing: {@link #pay}
 * answers false, the others refuse with a message.
 */
final class OrderDeal {

	private final Order order;
	private Status status;
	private @Nullable String trackingNumber;
	private final List<Object> events = new ArrayList<>();

	OrderDeal(Order order) {
		this.order = order;
		this.status = order.status();
		this.trackingNumber = order.trackingNumber();
	}

	/** Whether {@code quantity} may be ordered when {@code stock} is left; refuses with the stock in the message. */
	static void checkQuantity(int quantity, int stock, String unitLabel) {
		if (quantity < 1 || quantity > 1000) {
			throw new EconomyException("quantity", "economy.error.quantity");
		}
		if (stock <= 0) {
			throw new EconomyException("quantity", "economy.error.soldOut");
		}
		if (quantity > stock) {
			throw new EconomyException("quantity", "economy.error.stock", stock, unitLabel);
		}
	}

	/** The VietQR transfer arrived. True when this changed the order; false for a repeat, a cash order or a cancelled one. */
	boolean pay() {
		if (order.payment() != Order.Payment.VIETQR || status != Status.PLACED) {
			return false;
		}
		status = Status.PAID;
		events.add(new OrderPaid(order.unitCode(), order.id(), order.code(), order.amountVnd()));
		return true;
	}

	void ship(@Nullable String tracking) {
		if (status == Status.SHIPPED || status == Status.DONE) {
			throw new EconomyException(null, "economy.error.alreadyShipped");
		}
		if (status == Status.CANCELLED) {
			throw new EconomyException(null, "economy.error.cancelled");
		}
		if (order.payment() == Order.Payment.VIETQR && status != Status.PAID) {
			throw new EconomyException(null, "economy.error.notPaid");
		}
		var t = tracking == null ? "" : tracking.strip();
		if (order.delivery() == Order.Delivery.POST) {
			if (!t.matches("[A-Za-z0-9-]{4,40}")) {
				throw new EconomyException("trackingNumber", "economy.error.tracking");
			}
			trackingNumber = t.toUpperCase(java.util.Locale.ROOT);
		}
		status = Status.SHIPPED;
		events.add(new OrderShipped(order.unitCode(), order.id(), order.code(), order.delivery()));
	}

	void deliver() {
		if (status == Status.DONE) {
			throw new EconomyException(null, "economy.error.alreadyDone");
		}
		if (status != Status.SHIPPED) {
			throw new EconomyException(null, "economy.error.notShipped");
		}
		status = Status.DONE;
		events.add(new OrderDelivered(order.unitCode(), order.id(), order.code()));
	}

	/** Cancels; the caller then gives {@link Order#quantity()} back to the stock (this runs once per order). */
	void cancel(boolean byBuyer, String by) {
		if (status == Status.CANCELLED) {
			throw new EconomyException(null, "economy.error.cancelled");
		}
		if (status == Status.SHIPPED || status == Status.DONE) {
			throw new EconomyException(null, "economy.error.cannotCancelShipped");
		}
		if (byBuyer && status == Status.PAID) {
			throw new EconomyException(null, "economy.error.buyerCannotCancelPaid");
		}
		boolean wasPaid = status == Status.PAID;
		status = Status.CANCELLED;
		events.add(new OrderCancelled(order.unitCode(), order.id(), order.code(), order.productId(), order.quantity(), wasPaid, by));
	}

	Order order() {
		return order;
	}

	Status status() {
		return status;
	}

	@Nullable String trackingNumber() {
		return trackingNumber;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
