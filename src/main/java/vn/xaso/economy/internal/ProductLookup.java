package vn.xaso.economy.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.economy.Product;
import vn.xaso.economy.ProductSummary;

/** Behind {@link vn.xaso.economy.Products}: summaries of products, read in the caller's scope. */
@Component
public class ProductLookup {

	private final ProductTable products;
	private final EconomyWork work;

	ProductLookup(ProductTable products, EconomyWork work) {
		this.products = products;
		this.work = work;
	}

	public Optional<ProductSummary> find(long productId) {
		var today = work.today();
		return work.inTx(() -> products.any(productId).map(p -> summary(p, today)));
	}

	public List<ProductSummary> ofProducer(String unitCode, long producerId) {
		var today = work.today();
		return work.inTx(() -> products.ofProducer(producerId, false).stream().filter(p -> p.unitCode().equals(unitCode))
			.map(p -> summary(p, today)).toList());
	}

	static ProductSummary summary(Product p, java.time.LocalDate today) {
		var ocop = p.shownOcop(today);
		return new ProductSummary(p.id(), p.unitCode(), p.producerId(), p.producerName(), p.name(), p.unitLabel(), p.gtin(),
				ocop == null ? null : ocop.stars());
	}
}
