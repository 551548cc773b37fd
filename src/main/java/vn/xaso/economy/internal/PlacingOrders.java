package vn.xaso.economy.internal;

import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.platform.Refusal;
import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Order;
import vn.xaso.economy.OrderPlaced;
import vn.xaso.payments.NewBill;
import vn.xaso.payments.Payee;
import vn.xaso.payments.Payments;
import vn.xaso.platform.PersonalData;

/**
 * A buyer orders from the commune shop (no account needed): name and phone, quantity, delivery and payment. The stock
 * is taken in the same transaction (a conditional decrement, so two buyers cannot both take the last ones); more than
 * is left is refused with what is left and nothing changes. A VietQR order opens a bill paid into the producer's own
 * account; the bank notification then marks the order paid ({@link HandlingOrders#paid}). The double click of one
 * form is answered by the platform's idempotency filter with the first order.
 */
@Service
public class PlacingOrders {

	public static final String BILL_PREFIX = "cho-";
	private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	/** The order form as typed. */
	public record Input(@Nullable String buyerName, @Nullable String buyerPhone, @Nullable String quantity,
			@Nullable String delivery, @Nullable String address, @Nullable String payment) {
	}

	private final ProductTable products;
	private final ProducerTable producers;
	private final OrderTable orders;
	private final Payments payments;
	private final OrderNotices notices;
	private final EconomyWork work;

	PlacingOrders(ProductTable products, ProducerTable producers, OrderTable orders, Payments payments, OrderNotices notices,
			EconomyWork work) {
		this.products = products;
		this.producers = producers;
		this.orders = orders;
		this.payments = payments;
		this.notices = notices;
		this.work = work;
	}

	/** Places the order; returns its code (the buyer's link). */
	public String place(String unitCode, long productId, Input in) {
		var name = ProducerEntry.text(in.buyerName());
		if (name.length() < 2 || name.length() > 100) {
			throw new EconomyException("buyerName", "economy.error.buyerName");
		}
		var phone = PersonalData.normalisePhone(ProducerEntry.text(in.buyerPhone()));
		if (phone == null || !phone.matches("0[0-9]{9}")) {
			throw new EconomyException("buyerPhone", "economy.error.phone");
		}
		var quantity = ProductEntry.whole(in.quantity());
		if (quantity == null || quantity < 1 || quantity > 1000) {
			throw new EconomyException("quantity", "economy.error.quantity");
		}
		var delivery = choice(Order.Delivery.class, in.delivery(), "delivery");
		var address = ProducerEntry.text(in.address());
		if (delivery != Order.Delivery.PICKUP && (address.length() < 5 || address.length() > 300)) {
			throw new EconomyException("address", "economy.error.deliveryAddress");
		}
		var payment = choice(Order.Payment.class, in.payment(), "payment");
		int q = (int) (long) quantity;
		return work.asUnit(unitCode, () -> {
			var product = products.shown(unitCode, productId).orElseThrow(() -> new EconomyException(null, "economy.error.noProduct"));
			var producer = producers.find(unitCode, product.producerId()).orElseThrow();
			if (payment == Order.Payment.VIETQR && !producer.takesVietQr()) {
				throw new EconomyException("payment", "economy.error.noVietQr");
			}
			if ((long) q * product.priceVnd() > Payments.MAX_AMOUNT_VND) {
				throw new EconomyException("quantity", "economy.error.amount");
			}
			OrderDeal.checkQuantity(q, product.stock(), product.unitLabel());
			if (!products.take(productId, q)) { // another buyer took some meanwhile
				OrderDeal.checkQuantity(q, products.stock(productId), product.unitLabel());
				throw new EconomyException("quantity", "economy.error.soldOut");
			}
			var code = newCode();
			long id = orders.insert(new OrderTable.NewOrder(unitCode, code, productId, producer.id(), product.name(), name, phone, q,
					product.priceVnd(), delivery, delivery == Order.Delivery.PICKUP ? null : address, payment));
			if (payment == Order.Payment.VIETQR) {
				var bill = payments.open(new NewBill(unitCode, BILL_PREFIX + code, Refusal.bundleText("i18n/economy", "economy.text.billPurpose", code,
						cut(product.name(), 200), String.valueOf(q)), q * product.priceVnd(), name, null,
						new Payee(producer.bankBin(), producer.accountNumber(), producer.accountName())));
				orders.bill(id, bill.id());
			}
			var order = orders.byCode(unitCode, code).orElseThrow();
			work.audit(unitCode, "buyer", "economy.order.placed", "order", id, code + " " + product.name() + " x" + q + " "
					+ order.amountVnd() + " VND " + payment + " " + delivery);
			work.publish(new OrderPlaced(unitCode, id, code, productId, producer.id(), q, order.amountVnd(), payment));
			notices.placed(order, producer);
			return code;
		});
	}

	private static <E extends Enum<E>> E choice(Class<E> type, @Nullable String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new EconomyException(field, "economy.error." + field);
		}
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	static String newCode() {
		var b = new StringBuilder("DH");
		for (int i = 0; i < 10; i++) {
			b.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
		}
		return b.toString();
	}
}
