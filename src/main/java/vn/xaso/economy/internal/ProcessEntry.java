package vn.xaso.economy.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.EconomyException;

/**
 * The rules of a processing step with input batches ("làm từ lô"): one to three input batches, each chosen once with
 * the quantity taken from it (positive, in the input product's unit, three decimals at most), when (as a diary line)
 * and an optional note. Which batches may be inputs is decided by {@link LinkingLots} against the database.
 */
public record ProcessEntry(Map<Long, BigDecimal> inputs, Instant when, @Nullable String note) {

	static final int MAX_INPUTS = 3;

	/** The form: input batch ids and quantities by row (1–3), date, time, note. */
	public record Input(List<@Nullable String> lots, List<@Nullable String> quantities, @Nullable String date, @Nullable String time,
			@Nullable String note) {
	}

	static ProcessEntry of(Input in, Instant now) {
		var inputs = new LinkedHashMap<Long, BigDecimal>();
		for (int i = 0; i < Math.min(MAX_INPUTS, in.lots().size()); i++) {
			var row = i + 1;
			var lot = ProducerEntry.text(in.lots().get(i));
			var quantityText = i < in.quantities().size() ? in.quantities().get(i) : null;
			if (lot.isEmpty()) {
				if (!ProducerEntry.text(quantityText).isEmpty()) {
					throw new EconomyException("inputLot" + row, "economy.error.lotInputChoose");
				}
				continue;
			}
			var id = ProductEntry.whole(lot);
			if (id == null) {
				throw new EconomyException("inputLot" + row, "economy.error.lotInputOther");
			}
			if (inputs.containsKey(id)) {
				throw new EconomyException("inputLot" + row, "economy.error.lotInputTwice");
			}
			var quantity = quantity(quantityText, row);
			inputs.put(id, quantity);
		}
		if (inputs.isEmpty()) {
			throw new EconomyException("inputLot1", "economy.error.lotInputChoose");
		}
		var when = LotEntry.when(in.date(), in.time(), now, "process");
		var note = LotEntry.note(in.note(), "processNote");
		return new ProcessEntry(inputs, when, note.isEmpty() ? null : note);
	}

	private static BigDecimal quantity(@Nullable String text, int row) {
		var q = ProducerEntry.text(text).replace(',', '.');
		BigDecimal quantity;
		try {
			quantity = q.isEmpty() ? null : new BigDecimal(q);
		}
		catch (NumberFormatException e) {
			quantity = null;
		}
		if (quantity == null || quantity.signum() <= 0) {
			throw new EconomyException("inputQuantity" + row, "economy.error.lotInputQuantity");
		}
		return LotEntry.quantity(q, "inputQuantity" + row);
	}
}
