package vn.xaso.economy.internal;

import org.springframework.stereotype.Service;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Lot;
import vn.xaso.economy.LotRecalled;
import vn.xaso.identity.OfficialPrincipal;

/**
 * A batch is recalled (thu hồi) by its producer or by commune staff, with a reason: once only (the row is locked; a
 * second recall is refused and changes nothing); an EPCIS event with disposition {@code recalled} is added to its
 * diary, the change is audited, {@link LotRecalled} published and the buyers of the orders filled from it, or from a
 * batch made from it at any depth, are told ({@link RecallNotices}). From then on its page and Digital Link answer 410 with the notice.
 */
@Service
public class RecallingLots {

	/** The outcome: the batch as recalled and how many buyers were told. */
	public record Recall(Lot lot, int buyersTold) {
	}

	private final Sellers sellers;
	private final LotTable lots;
	private final OrderTable orders;
	private final EpcisDocuments epcis;
	private final RecallNotices notices;
	private final LotLinkTable links;
	private final EconomyWork work;

	RecallingLots(Sellers sellers, LotTable lots, OrderTable orders, EpcisDocuments epcis, RecallNotices notices, LotLinkTable links,
			EconomyWork work) {
		this.links = links;
		this.sellers = sellers;
		this.lots = lots;
		this.orders = orders;
		this.epcis = epcis;
		this.notices = notices;
		this.work = work;
	}

	public Recall byProducer(OfficialPrincipal me, long id, @org.jspecify.annotations.Nullable String reason) {
		var text = reason(reason);
		return work.inTx(() -> {
			var producer = sellers.of(me);
			var lot = lots.lock(id, work.today()).filter(l -> l.producerId() == producer.id())
				.orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
			return recall(me, lot, text);
		});
	}

	public Recall byCommune(OfficialPrincipal me, long id, @org.jspecify.annotations.Nullable String reason) {
		KeepingProducers.staff(me);
		var text = reason(reason);
		return work.inTx(() -> recall(me, lots.lock(id, work.today()).filter(l -> l.unitCode().equals(me.unitCode()))
			.orElseThrow(() -> new EconomyException(null, "economy.error.noLot")), text));
	}

	/** The commune's batches, newest first, for its staff. */
	public java.util.List<Lot> ofCommune(OfficialPrincipal me) {
		KeepingProducers.staff(me);
		return work.inTx(() -> lots.ofUnit(me.unitCode(), work.today(), 200));
	}

	/** A batch of the commune, for its staff (with its events). */
	public KeepingLots.LotPage ofCommune(OfficialPrincipal me, long id) {
		KeepingProducers.staff(me);
		return work.inTx(() -> {
			var lot = lots.find(id, work.today()).filter(l -> l.unitCode().equals(me.unitCode()))
				.orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
			return new KeepingLots.LotPage(lot, lots.events(id));
		});
	}

	private Recall recall(OfficialPrincipal me, Lot lot, String reason) {
		if (lot.recalled()) {
			throw new EconomyException(null, "economy.error.lotAlreadyRecalled", lot.lotNumber());
		}
		var now = work.now();
		lots.recall(lot.id(), me.username(), reason, now);
		var event = epcis.recallEvent(lot, reason, now);
		lots.insertEvent(lot.unitCode(), lot.id(), event.eventId(), event.type(), event.bizStep(), event.eventTime(), event.json(),
				me.username());
		work.audit(lot.unitCode(), me.username(), "economy.lot.recalled", "lot", lot.id(), lot.lotNumber() + ": " + reason);
		// exactly the orders filled from this batch or from a batch made from it (at any depth), not cancelled
		var reach = new java.util.HashSet<Long>(links.descendants(lot.id()));
		reach.add(lot.id());
		int told = notices.tell(lot, orders.ofLots(reach), reason);
		work.publish(new LotRecalled(lot.unitCode(), lot.id(), lot.productId(), lot.lotNumber(), reason, me.username(), now));
		return new Recall(lots.find(lot.id(), work.today()).orElseThrow(), told);
	}

	private static String reason(@org.jspecify.annotations.Nullable String reason) {
		var text = ProducerEntry.text(reason);
		if (text.length() < 5 || text.length() > 500) {
			throw new EconomyException("reason", "economy.error.recallReason");
		}
		return text;
	}
}
