package vn.xaso.economy.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Lot;
import vn.xaso.economy.LotEvent;
import vn.xaso.identity.OfficialPrincipal;

/**
 * A producer keeps the batches (lô) of its products and their production diary: a new batch, a diary line from the
 * phone form (built into an EPCIS 2.0 ObjectEvent), or EPCIS 2.0 documents from another system (each validated
 * against the bundled schema; an eventID already stored for the batch is not stored twice). A recalled batch takes no
 * new events. Another producer's batch does not exist for it.
 */
@Service
public class KeepingLots {

	/** A batch with its events, oldest first, and the steps' photos (eventID → photo id). */
	public record LotPage(Lot lot, List<LotEvent> events, java.util.Map<String, Long> photos) {

		public LotPage(Lot lot, List<LotEvent> events) {
			this(lot, events, java.util.Map.of());
		}
	}

	/** What a capture stored: new events, events whose eventID was there already, and all the eventIDs. */
	public record Captured(int stored, int repeated, List<String> eventIds) {
	}

	private final Sellers sellers;
	private final ProductTable products;
	private final LotTable lots;
	private final EpcisDocuments epcis;
	private final LotLabels labels;
	private final LotPhotoTable photos;
	private final EconomyWork work;

	KeepingLots(Sellers sellers, ProductTable products, LotTable lots, EpcisDocuments epcis, LotLabels labels, LotPhotoTable photos,
			EconomyWork work) {
		this.photos = photos;
		this.sellers = sellers;
		this.products = products;
		this.lots = lots;
		this.epcis = epcis;
		this.labels = labels;
		this.work = work;
	}

	public List<Lot> mine(OfficialPrincipal me) {
		return work.inTx(() -> lots.ofProducer(sellers.of(me).id(), work.today(), 100));
	}

	public long create(OfficialPrincipal me, LotEntry.Input input) {
		var today = work.today();
		var entry = LotEntry.of(input, today);
		var productId = ProductEntry.whole(input.productId());
		return work.inTx(() -> {
			var producer = sellers.of(me);
			var product = productId == null ? null : products.find(me.unitCode(), productId).filter(p -> p.producerId() == producer.id())
				.orElse(null);
			if (product == null) {
				throw new EconomyException("productId", "economy.error.lotProduct");
			}
			if (Gtins.of(product.gtin(), product.unitCode(), product.id()).isEmpty()) {
				throw new EconomyException("productId", "economy.error.lotNoGtin");
			}
			if (lots.numberTaken(product.id(), entry.lotNumber())) {
				throw new EconomyException("lotNumber", "economy.error.lotTaken", entry.lotNumber());
			}
			long id = lots.insert(me.unitCode(), product.id(), producer.id(), entry, me.username());
			work.audit(me.unitCode(), me.username(), "economy.lot.created", "lot", id,
					product.name() + " lot " + entry.lotNumber() + " qty " + entry.quantity());
			work.publish(new vn.xaso.economy.LotStarted(me.unitCode(), id, product.id()));
			return id;
		});
	}

	public LotPage ofMine(OfficialPrincipal me, long id) {
		return work.inTx(() -> {
			var lot = own(me, id);
			return new LotPage(lot, lots.events(id), photos.ofLot(id));
		});
	}

	/** A diary line from the producer's form, stored as one EPCIS 2.0 event (packing: an AggregationEvent). */
	public String record(OfficialPrincipal me, long id, LotEntry.DiaryInput input) {
		return record(me, id, input, null);
	}

	/**
	 * A diary line with an optional photo (JPEG or PNG, checked by content, pixel count read before decoding, re-encoded
	 * by {@link Photos}); an empty photo is no photo.
	 */
	public String record(OfficialPrincipal me, long id, LotEntry.DiaryInput input, byte @org.jspecify.annotations.Nullable [] photo) {
		var diary = LotEntry.diary(input, work.now());
		var picture = photo == null || photo.length == 0 ? null : Photos.process(photo);
		return work.inTx(() -> {
			var lot = open(me, id);
			var event = epcis.diaryEvent(lot, diary);
			lots.insertEvent(lot.unitCode(), id, event.eventId(), event.type(), event.bizStep(), event.eventTime(), event.json(),
					me.username());
			if (picture != null) {
				photos.insert(lot.unitCode(), id, event.eventId(), picture);
			}
			work.audit(lot.unitCode(), me.username(), "economy.lot.event", "lot", id,
					diary.step() + " " + event.eventId() + (picture == null ? "" : " photo " + picture.width() + "x" + picture.height()));
			return event.eventId();
		});
	}

	/** A photo of the producer's own batch (whatever its state), full size or thumbnail. */
	public java.util.Optional<byte[]> photo(OfficialPrincipal me, long id, long photoId, boolean thumbnail) {
		return work.inTx(() -> {
			own(me, id);
			return photos.photo(id, photoId, thumbnail);
		});
	}

	/** An EPCIS 2.0 document (JSON or JSON-LD) captured for the batch: every event must name it. */
	public Captured capture(OfficialPrincipal me, long id, String body) {
		return work.inTx(() -> {
			var lot = open(me, id);
			var events = epcis.parse(body, lot, work.now());
			int stored = 0;
			for (var e : events) {
				if (lots.insertEvent(lot.unitCode(), id, e.eventId(), e.type(), e.bizStep(), e.eventTime(), e.json(), me.username())) {
					stored++;
				}
			}
			work.audit(lot.unitCode(), me.username(), "economy.lot.captured", "lot", id, stored + " of " + events.size() + " events");
			return new Captured(stored, events.size() - stored, events.stream().map(EpcisDocuments.Event::eventId).toList());
		});
	}

	/** The batch's events as one EPCIS 2.0 document, for its producer. */
	public String export(OfficialPrincipal me, long id) {
		return work.inTx(() -> epcis.document(own(me, id), lots.events(id), work.now()));
	}

	/** The batch's label sheet (PDF) with its Digital Link on {@code baseUrl}; refused for a recalled batch. */
	public byte[] labels(OfficialPrincipal me, long id, String baseUrl) {
		var lot = work.inTx(() -> own(me, id));
		return labels.sheet(lot, baseUrl);
	}

	private Lot open(OfficialPrincipal me, long id) {
		var producer = sellers.of(me);
		var lot = lots.lock(id, work.today()).filter(l -> l.producerId() == producer.id())
			.orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
		if (lot.recalled()) {
			throw new EconomyException(null, "economy.error.lotRecalled", lot.lotNumber());
		}
		return lot;
	}

	private Lot own(OfficialPrincipal me, long id) {
		var producer = sellers.of(me);
		return lots.find(id, work.today()).filter(l -> l.producerId() == producer.id())
			.orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
	}
}
