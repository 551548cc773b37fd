package vn.xaso.economy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.economy.Order;
import vn.xaso.economy.Producer;
import vn.xaso.economy.Product;
import vn.xaso.payments.PayeeTransfer;
import vn.xaso.payments.Payments;

/**
 * What the public commune shop shows, read in the scope of the commune asked for: listed products of verified
 * producers (search without diacritics, OCOP filter, pages), a producer's page, a product's page, photos, and an
 * order's page for whoever holds its link (the phone masked, the VietQR transfer while unpaid).
 */
@Service
public class ShopReads {

	/** One page of the shop, with the verified producers. */
	public record Shop(List<Product> products, long total, List<Producer> producers, LocalDate today) {
	}

	public record ProducerPage(Producer producer, List<Product> products, LocalDate today) {
	}

	public record ProductPage(Product product, Producer producer, LocalDate today) {
	}

	public record OrderPage(Order order, Producer producer, @Nullable PayeeTransfer transfer) {
	}

	private final ProductTable products;
	private final ProducerTable producers;
	private final PhotoTable photos;
	private final OrderTable orders;
	private final Payments payments;
	private final EconomyWork work;

	ShopReads(ProductTable products, ProducerTable producers, PhotoTable photos, OrderTable orders, Payments payments,
			EconomyWork work) {
		this.products = products;
		this.producers = producers;
		this.photos = photos;
		this.orders = orders;
		this.payments = payments;
		this.work = work;
	}

	public Shop shop(String unitCode, String q, boolean ocopOnly, int offset, int limit) {
		var today = work.today();
		return work.asUnit(unitCode, () -> {
			var listing = products.shop(unitCode, q, ocopOnly, today, offset, limit);
			return new Shop(listing.items(), listing.total(), producers.verified(unitCode), today);
		});
	}

	public Optional<ProducerPage> producer(String unitCode, long id) {
		var today = work.today();
		return work.asUnit(unitCode, () -> producers.find(unitCode, id).filter(Producer::verified)
			.map(p -> new ProducerPage(p, products.ofProducer(p.id(), true), today)));
	}

	public Optional<ProductPage> product(String unitCode, long id) {
		var today = work.today();
		return work.asUnit(unitCode, () -> products.shown(unitCode, id)
			.map(p -> new ProductPage(p, producers.find(unitCode, p.producerId()).orElseThrow(), today)));
	}

	public Optional<byte[]> photo(String unitCode, long id, boolean thumbnail) {
		return work.asUnit(unitCode, () -> photos.shown(unitCode, id, thumbnail));
	}

	public Optional<OrderPage> order(String unitCode, String code) {
		if (!code.matches("[A-Z0-9]{10,16}")) {
			return Optional.empty();
		}
		return work.asUnit(unitCode, () -> orders.byCode(unitCode, code).map(o -> new OrderPage(o,
				producers.find(unitCode, o.producerId()).orElseThrow(),
				o.payment() == Order.Payment.VIETQR ? payments.payeeTransfer(unitCode, PlacingOrders.BILL_PREFIX + o.code()).orElse(null)
						: null)));
	}
}
