package vn.xaso.economy.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xaso.economy.Lot;
import vn.xaso.economy.LotEvent;
import vn.xaso.economy.Product;

/**
 * The public side of traceability, behind the GS1 Digital Link resolver: which product a GTIN names (a commune-assigned
 * GTIN names its commune and product; a GS1 GTIN is looked up across communes, then read in its commune's scope only),
 * a batch with its events, and a batch's EPCIS 2.0 export. Only listed products of verified producers are found.
 */
@Service
public class TracingLots {

	/**
	 * A batch as the public sees it: its events, the batches it was made from and made into and the orders filled
	 * from it ({@code relations}), and its steps' photos (eventID → photo id).
	 */
	public record Trace(Lot lot, List<LotEvent> events, LotRelations.Relations relations, java.util.Map<String, Long> photos) {
	}

	private final ProductTable products;
	private final LotTable lots;
	private final EpcisDocuments epcis;
	private final LotRelations relations;
	private final LotPhotoTable photos;
	private final EconomyWork work;

	TracingLots(ProductTable products, LotTable lots, EpcisDocuments epcis, LotRelations relations, LotPhotoTable photos, EconomyWork work) {
		this.relations = relations;
		this.photos = photos;
		this.products = products;
		this.lots = lots;
		this.epcis = epcis;
		this.work = work;
	}

	/** The shown product a 14-digit GTIN names. */
	public Optional<Product> product(String gtin14) {
		var commune = Gtins.communeAssigned(gtin14);
		if (commune.isPresent()) {
			var item = commune.get();
			return work.asUnit(item.unitCode(), () -> products.shown(item.unitCode(), item.productId()).filter(p -> p.gtin() == null));
		}
		return work.systemWide(() -> products.shownByGtin(gtin14).stream().findFirst())
			.flatMap(p -> work.asUnit(p.unitCode(), () -> products.shown(p.unitCode(), p.id())));
	}

	/** A batch of that product by its lot number (letters in any case). */
	public Optional<Trace> lot(Product product, String lotNumber) {
		if (!lotNumber.matches("[A-Za-z0-9-]{1,20}")) {
			return Optional.empty();
		}
		return work.asUnit(product.unitCode(), () -> lots.shown(product.id(), lotNumber, work.today()).map(this::trace));
	}

	/** A shown batch of a commune by id (the export link). */
	public Optional<Trace> lot(String unitCode, long lotId) {
		return work.asUnit(unitCode, () -> lots.find(lotId, work.today()).filter(l -> l.unitCode().equals(unitCode))
			.flatMap(l -> lots.shown(l.productId(), l.lotNumber(), work.today())).map(this::trace));
	}

	/** A photo of a diary step of a shown batch that is not recalled (a recalled batch's photos are no longer shown). */
	public java.util.Optional<byte[]> photo(String unitCode, long lotId, long photoId, boolean thumbnail) {
		return work.asUnit(unitCode, () -> lots.find(lotId, work.today()).filter(l -> l.unitCode().equals(unitCode) && !l.recalled())
			.flatMap(l -> lots.shown(l.productId(), l.lotNumber(), work.today())).flatMap(l -> photos.photo(l.id(), photoId, thumbnail)));
	}

	private Trace trace(Lot l) {
		return new Trace(l, lots.events(l.id()), relations.of(l, work.today()), l.recalled() ? java.util.Map.of() : photos.ofLot(l.id()));
	}

	/** The batch's events as one EPCIS 2.0 JSON-LD document (validated before it leaves). */
	public String export(Trace trace) {
		return epcis.document(trace.lot(), trace.events(), work.now());
	}
}
