package vn.xaso.economy;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xaso.economy.internal.ProductLookup;

/**
 * The products of the commune's producers, for other modules (a future traceability module labels batches of them).
 * Reads in the caller's unit scope (row-level security): a caller acting for commune X sees X's products only.
 */
@Service
public class Products {

	private final ProductLookup lookup;

	Products(ProductLookup lookup) {
		this.lookup = lookup;
	}

	/** A product's summary, if it exists in a unit the caller sees. */
	public Optional<ProductSummary> find(long productId) {
		return lookup.find(productId);
	}

	/** The products of one producer of the commune, newest first (hidden ones too). */
	public List<ProductSummary> ofProducer(String unitCode, long producerId) {
		return lookup.ofProducer(unitCode, producerId);
	}
}
