package vn.xaso.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Order;
import vn.xaso.economy.OrderCancelled;
import vn.xaso.economy.OrderPaid;
import vn.xaso.economy.OrderShipped;

/** The order aggregate decides every state change; repeats change nothing. */
class OrderDealTests {

	static Order order(Order.Status status, Order.Payment payment, Order.Delivery delivery) {
		return new Order(7, "14701", "DHABCDEFGHJK", 3, 2, "Chuối tây sấy dẻo", "Trần Thị Bình", "0988000002", 3, 45_000, 135_000,
				delivery, delivery == Order.Delivery.PICKUP ? null : "Xóm Giữa, thôn Yên Hòa", null, payment, status, 11L,
				Instant.parse("2026-12-07T01:00:00Z"), null, null, null, null, null, null);
	}

	@Test
	void aVietQrOrderIsPaidOnceAndARepeatChangesNothing() {
		var deal = new OrderDeal(order(Order.Status.PLACED, Order.Payment.VIETQR, Order.Delivery.PICKUP));
		assertThat(deal.pay()).isTrue();
		assertThat(deal.status()).isEqualTo(Order.Status.PAID);
		assertThat(deal.pay()).isFalse();
		assertThat(deal.events()).hasSize(1).first().isInstanceOf(OrderPaid.class);
		assertThat(new OrderDeal(order(Order.Status.PAID, Order.Payment.VIETQR, Order.Delivery.PICKUP)).pay()).isFalse();
	}

	@Test
	void aCashOrderOrACancelledOneIsNeverMarkedPaid() {
		assertThat(new OrderDeal(order(Order.Status.PLACED, Order.Payment.CASH, Order.Delivery.PICKUP)).pay()).isFalse();
		assertThat(new OrderDeal(order(Order.Status.CANCELLED, Order.Payment.VIETQR, Order.Delivery.PICKUP)).pay()).isFalse();
	}

	@Test
	void aVietQrOrderShipsOnlyOncePaidAndAPostOrderNeedsItsTrackingNumber() {
		var unpaid = new OrderDeal(order(Order.Status.PLACED, Order.Payment.VIETQR, Order.Delivery.POST));
		assertThatThrownBy(() -> unpaid.ship("RR123456789VN")).isInstanceOf(EconomyException.class).extracting("key").isEqualTo("economy.error.notPaid");
		var paid = new OrderDeal(order(Order.Status.PAID, Order.Payment.VIETQR, Order.Delivery.POST));
		assertThatThrownBy(() -> paid.ship(" ")).extracting("key").isEqualTo("economy.error.tracking");
		paid.ship("rr123456789vn");
		assertThat(paid.status()).isEqualTo(Order.Status.SHIPPED);
		assertThat(paid.trackingNumber()).isEqualTo("RR123456789VN");
		assertThat(paid.events()).singleElement().isInstanceOf(OrderShipped.class);
		assertThatThrownBy(() -> paid.ship("RR123456789VN")).extracting("key").isEqualTo("economy.error.alreadyShipped");
	}

	@Test
	void aCashOrderShipsFromPlacedAndIsDeliveredOnce() {
		var deal = new OrderDeal(order(Order.Status.PLACED, Order.Payment.CASH, Order.Delivery.PRODUCER));
		assertThatThrownBy(deal::deliver).extracting("key").isEqualTo("economy.error.notShipped");
		deal.ship(null);
		deal.deliver();
		assertThat(deal.status()).isEqualTo(Order.Status.DONE);
		assertThatThrownBy(deal::deliver).extracting("key").isEqualTo("economy.error.alreadyDone");
	}

	@Test
	void theBuyerCancelsOnlyAnUnpaidOrderAndACancelledOrderIsNotCancelledTwice() {
		var paid = new OrderDeal(order(Order.Status.PAID, Order.Payment.VIETQR, Order.Delivery.PICKUP));
		assertThatThrownBy(() -> paid.cancel(true, "buyer")).extracting("key").isEqualTo("economy.error.buyerCannotCancelPaid");
		paid.cancel(false, "yenmo.htx");
		assertThat(paid.events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, e -> {
			assertThat(e.wasPaid()).isTrue();
			assertThat(e.quantity()).isEqualTo(3);
		});
		assertThatThrownBy(() -> paid.cancel(false, "yenmo.htx")).extracting("key").isEqualTo("economy.error.cancelled");
		var shipped = new OrderDeal(order(Order.Status.SHIPPED, Order.Payment.CASH, Order.Delivery.PICKUP));
		assertThatThrownBy(() -> shipped.cancel(false, "yenmo.htx")).extracting("key").isEqualTo("economy.error.cannotCancelShipped");
	}

	@Test
	void moreThanTheStockIsRefusedWithWhatIsLeft() {
		OrderDeal.checkQuantity(3, 3, "hộp");
		assertThatThrownBy(() -> OrderDeal.checkQuantity(4, 3, "hộp")).isInstanceOfSatisfying(EconomyException.class, e -> {
			assertThat(e.key()).isEqualTo("economy.error.stock");
			assertThat(e.args()).containsExactly(3, "hộp");
			assertThat(e.field()).isEqualTo("quantity");
		});
		assertThatThrownBy(() -> OrderDeal.checkQuantity(1, 0, "hộp")).extracting("key").isEqualTo("economy.error.soldOut");
		assertThatThrownBy(() -> OrderDeal.checkQuantity(0, 5, "hộp")).extracting("key").isEqualTo("economy.error.quantity");
	}
}
