package vn.xaso.economy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Lot;
import vn.xaso.identity.OfficialPrincipal;

/**
 * "One step back": a producer's processing step making a batch from other batches of its own products (fresh bananas →
 * dried bananas), recorded as one EPCIS 2.0 TransformationEvent stored under the new batch and under each input batch,
 * and the links kept in {@code economy_lot_input}. Refused, nothing stored: an input batch of another producer (or
 * unknown), a recalled input batch, the batch itself or a batch made from it, a quantity not above zero or above what
 * the input has left; the new batch recalled. The same step sent twice (double submit) is one event: its eventID is
 * name-based on the content, and the batches are locked while it is checked and stored.
 */
@Service
public class LinkingLots {

	private final Sellers sellers;
	private final LotTable lots;
	private final LotLinkTable links;
	private final EpcisDocuments epcis;
	private final LotRelations relations;
	private final EconomyWork work;

	LinkingLots(Sellers sellers, LotTable lots, LotLinkTable links, EpcisDocuments epcis, LotRelations relations, EconomyWork work) {
		this.relations = relations;
		this.sellers = sellers;
		this.lots = lots;
		this.links = links;
		this.epcis = epcis;
		this.work = work;
	}

	/** The producer's batches that may be inputs of {@code lotId}: not recalled, not itself, newest first, with what is left. */
	public List<LotChoice> inputChoices(OfficialPrincipal me, long lotId) {
		return work.inTx(() -> {
			var producer = sellers.of(me);
			var candidates = lots.ofProducer(producer.id(), work.today(), 100).stream()
				.filter(l -> l.id() != lotId && !l.recalled()).toList();
			var left = links.left(candidates.stream().map(Lot::id).toList());
			return candidates.stream().map(l -> new LotChoice(l, left.getOrDefault(l.id(), BigDecimal.ZERO))).toList();
		});
	}

	/** The producer's own batch's links both ways and the orders filled from it. */
	public LotRelations.Relations relations(OfficialPrincipal me, long lotId) {
		return work.inTx(() -> {
			var producer = sellers.of(me);
			var lot = lots.find(lotId, work.today()).filter(l -> l.producerId() == producer.id())
				.orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
			return relations.of(lot, work.today());
		});
	}

	/** Records the processing step; answers its eventID (the first one's, for a repeat). */
	public String process(OfficialPrincipal me, long lotId, ProcessEntry.Input input) {
		var entry = ProcessEntry.of(input, work.now());
		return work.inTx(() -> {
			var producer = sellers.of(me);
			var output = lots.lock(lotId, work.today()).filter(l -> l.producerId() == producer.id())
				.orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
			if (output.recalled()) {
				throw new EconomyException(null, "economy.error.lotRecalled", output.lotNumber());
			}
			var made = links.descendants(lotId);
			var inputs = new ArrayList<Map.Entry<Lot, BigDecimal>>();
			int row = 0;
			var ids = new ArrayList<>(entry.inputs().keySet());
			for (var id : ids) {
				row++;
				var field = "inputLot" + row;
				if (id == lotId) {
					throw new EconomyException(field, "economy.error.lotInputSelf");
				}
				var lot = lots.find(id, work.today()).filter(l -> l.producerId() == producer.id())
					.orElseThrow(() -> new EconomyException(field, "economy.error.lotInputOther"));
				if (lot.recalled()) {
					throw new EconomyException(field, "economy.error.lotInputRecalled", lot.lotNumber());
				}
				if (made.contains(id)) {
					throw new EconomyException(field, "economy.error.lotInputCycle", lot.lotNumber());
				}
				inputs.add(Map.entry(lot, entry.inputs().get(id)));
			}
			// lock the inputs in id order (two steps sharing inputs wait for each other), then read what is left
			ids.stream().sorted().forEach(id -> lots.lock(id, work.today()));
			var event = epcis.transformationEvent(output, inputs, entry.when(), entry.note());
			if (!lots.insertEvent(output.unitCode(), lotId, event.eventId(), event.type(), event.bizStep(), event.eventTime(), event.json(),
					me.username())) {
				return event.eventId(); // the same step again: nothing more
			}
			var left = links.left(ids);
			row = 0;
			for (var in : inputs) {
				row++;
				var have = left.getOrDefault(in.getKey().id(), BigDecimal.ZERO);
				if (in.getValue().compareTo(have) > 0) {
					throw new EconomyException("inputQuantity" + row, "economy.error.lotInputLeft", in.getKey().lotNumber(),
							have.signum() <= 0 ? "0" : have.stripTrailingZeros().toPlainString(), in.getKey().unitLabel());
				}
			}
			for (var in : inputs) {
				var lot = in.getKey();
				links.insert(output.unitCode(), lotId, lot.id(), in.getValue(), event.eventId(), me.username());
				lots.insertEvent(lot.unitCode(), lot.id(), event.eventId(), event.type(), event.bizStep(), event.eventTime(), event.json(),
						me.username());
			}
			work.audit(output.unitCode(), me.username(), "economy.lot.processed", "lot", lotId, inputs.stream()
				.map(i -> i.getKey().lotNumber() + " x " + i.getValue().toPlainString()).reduce((a, b) -> a + ", " + b).orElse("") + " "
					+ event.eventId());
			return event.eventId();
		});
	}
}
