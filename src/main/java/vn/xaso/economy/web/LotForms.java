package vn.xaso.economy.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.internal.LotEntry;
import vn.xaso.economy.internal.ProcessEntry;
import vn.xaso.platform.web.Form;

/** The batch forms, typed: a new batch, a diary line, a processing step with input batches, a recall. */
final class LotForms {

	private LotForms() {
	}

	record LotForm(@Nullable String productId, @Nullable String lotNumber, @Nullable String producedOn, @Nullable String bestBefore,
			@Nullable String quantity, @Nullable String origin) {

		LotEntry.Input input() {
			return new LotEntry.Input(productId, lotNumber, producedOn, bestBefore, quantity, origin);
		}

		Form form() {
			return EconomyForms.of("productId", productId, "lotNumber", lotNumber, "producedOn", producedOn, "bestBefore", bestBefore,
					"quantity", quantity, "origin", origin);
		}
	}

	record DiaryForm(@Nullable String step, @Nullable String date, @Nullable String time, @Nullable String quantity,
			@Nullable String note, @Nullable String plusCode, @Nullable String packCode) {

		LotEntry.DiaryInput input() {
			return new LotEntry.DiaryInput(step, date, time, quantity, note, plusCode, packCode);
		}

		Form form() {
			return EconomyForms.of("step", step, "date", date, "time", time, "quantity", quantity, "note", note, "plusCode", plusCode,
					"packCode", packCode);
		}
	}

	/** A processing step: up to three input batches with the quantity taken from each, when, a note. */
	record ProcessForm(@Nullable String inputLot1, @Nullable String inputQuantity1, @Nullable String inputLot2,
			@Nullable String inputQuantity2, @Nullable String inputLot3, @Nullable String inputQuantity3, @Nullable String processDate,
			@Nullable String processTime, @Nullable String processNote) {

		ProcessEntry.Input input() {
			return new ProcessEntry.Input(java.util.Arrays.asList(inputLot1, inputLot2, inputLot3),
					java.util.Arrays.asList(inputQuantity1, inputQuantity2, inputQuantity3), processDate, processTime, processNote);
		}

		Form form() {
			return EconomyForms.of("inputLot1", inputLot1, "inputQuantity1", inputQuantity1, "inputLot2", inputLot2, "inputQuantity2",
					inputQuantity2, "inputLot3", inputLot3, "inputQuantity3", inputQuantity3, "processDate", processDate, "processTime", processTime, "processNote", processNote);
		}
	}

	record RecallForm(@Nullable String reason) {

		String text() {
			return reason == null ? "" : reason;
		}

		Form form() {
			return EconomyForms.of("reason", reason);
		}
	}
}
