package vn.xaso.economy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.economy.Lot;

/**
 * "One step back, one step forward" for one batch: the batches it was made from, the batches made from it, and the
 * orders filled from it (the buyer shown by initials only). Read in the batch's commune scope.
 */
@Component
public class LotRelations {

	/** A linked batch and the quantity that went along the link (in the input batch's unit). */
	public record Link(Lot lot, BigDecimal quantity) {

		public String quantityText() {
			return quantity.stripTrailingZeros().toPlainString();
		}
	}

	/** An order filled from the batch: the buyer's initials, the quantity, when it was shipped. */
	public record WentTo(String buyer, int quantity, String unitLabel, @Nullable Instant shippedAt) {
	}

	/** Both directions. */
	public record Relations(List<Link> madeFrom, List<Link> madeInto, List<WentTo> wentTo) {
	}

	private final LotTable lots;
	private final LotLinkTable links;
	private final OrderTable orders;

	LotRelations(LotTable lots, LotLinkTable links, OrderTable orders) {
		this.lots = lots;
		this.links = links;
		this.orders = orders;
	}

	/** Call inside a transaction in the batch's scope. */
	Relations of(Lot lot, java.time.LocalDate today) {
		var from = new ArrayList<Link>();
		for (var l : links.madeFrom(lot.id())) {
			lots.find(l.lotId(), today).ifPresent(found -> from.add(new Link(found, l.quantity())));
		}
		var into = new ArrayList<Link>();
		for (var l : links.madeInto(lot.id())) {
			lots.find(l.lotId(), today).ifPresent(found -> into.add(new Link(found, l.quantity())));
		}
		var went = orders.ofLots(List.of(lot.id())).stream()
			.map(o -> new WentTo(initials(o.buyerName()), o.quantity(), lot.unitLabel(), o.shippedAt())).toList();
		return new Relations(from, into, went);
	}

	/** "Lê Thị Hoa" → "L. T. H.": enough for the buyer to know it is theirs, not enough to name them. */
	static String initials(String name) {
		var out = new StringBuilder();
		for (var word : name.strip().split("\\s+")) {
			if (!word.isEmpty()) {
				out.append(out.isEmpty() ? "" : " ").append(word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)).append('.');
			}
		}
		return out.toString();
	}
}
