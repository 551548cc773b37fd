package vn.xaso.economy.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Order;
import vn.xaso.economy.Producer;
import vn.xaso.economy.Product;
import vn.xaso.identity.OfficialPrincipal;

/**
 * A producer keeps its own products from its phone: add one, change it (price, stock, season, OCOP rating, links,
 * shown or hidden), add photos; and sees its orders. Another producer's product or order does not exist for it.
 */
@Service
public class ListingProducts {

	/** What the producer's home shows. */
	public record Mine(Producer producer, List<Product> products, List<Order> orders) {
	}

	private final Sellers sellers;
	private final ProductTable products;
	private final PhotoTable photos;
	private final OrderTable orders;
	private final EconomyWork work;
	private final EconomyMetrics metrics;

	ListingProducts(Sellers sellers, ProductTable products, PhotoTable photos, OrderTable orders, EconomyWork work, EconomyMetrics metrics) {
		this.metrics = metrics;
		this.sellers = sellers;
		this.products = products;
		this.photos = photos;
		this.orders = orders;
		this.work = work;
	}

	public Mine mine(OfficialPrincipal me) {
		return work.inTx(() -> {
			var producer = sellers.of(me);
			return new Mine(producer, products.ofProducer(producer.id(), false), orders.listOfProducer(producer.id(), 50));
		});
	}

	public long create(OfficialPrincipal me, ProductEntry.Input input) {
		var entry = ProductEntry.of(input, work.today());
		return work.inTx(() -> {
			var producer = sellers.of(me);
			if (products.nameTaken(producer.id(), entry.name(), 0)) {
				throw new EconomyException("name", "economy.error.productTaken");
			}
			long id = products.insert(me.unitCode(), producer.id(), entry);
			metrics.productChanged(me.unitCode(), id);
			work.audit(me.unitCode(), me.username(), "economy.product.created", "product", id, entry.name() + " " + entry.priceVnd()
					+ " VND stock " + entry.stock() + (entry.ocop() == null ? "" : " OCOP " + entry.ocop().stars()));
			return id;
		});
	}

	public void update(OfficialPrincipal me, long id, ProductEntry.Input input) {
		var entry = ProductEntry.of(input, work.today());
		work.inTx(() -> {
			var product = own(me, id);
			if (products.nameTaken(product.producerId(), entry.name(), id)) {
				throw new EconomyException("name", "economy.error.productTaken");
			}
			products.update(id, entry);
			metrics.productChanged(me.unitCode(), id);
			work.audit(me.unitCode(), me.username(), "economy.product.changed", "product", id, entry.name() + " " + entry.priceVnd()
					+ " VND stock " + product.stock() + " -> " + entry.stock());
			return null;
		});
	}

	public long addPhoto(OfficialPrincipal me, long id, byte[] bytes) {
		var processed = Photos.process(bytes);
		return work.inTx(() -> {
			var product = own(me, id);
			if (photos.count(id) >= PhotoTable.MAX_PER_PRODUCT) {
				throw new EconomyException("photo", "economy.error.photos", PhotoTable.MAX_PER_PRODUCT);
			}
			long photo = photos.insert(me.unitCode(), id, processed);
			work.audit(me.unitCode(), me.username(), "economy.photo.added", "product", product.id(), processed.width() + "x" + processed.height());
			return photo;
		});
	}

	public Product product(OfficialPrincipal me, long id) {
		return work.inTx(() -> own(me, id));
	}

	private Product own(OfficialPrincipal me, long id) {
		var producer = sellers.of(me);
		return products.find(me.unitCode(), id).filter(p -> p.producerId() == producer.id())
			.orElseThrow(() -> new EconomyException(null, "economy.error.noProduct"));
	}
}
