package vn.xaso.economy.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.internal.LotEntry;
import vn.xaso.platform.web.Form;

/** The batch forms, typed: a new batch, a diary line, a recall. */
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
			@Nullable String note, @Nullable String plusCode) {

		LotEntry.DiaryInput input() {
			return new LotEntry.DiaryInput(step, date, time, quantity, note, plusCode);
		}

		Form form() {
			return EconomyForms.of("step", step, "date", date, "time", time, "quantity", quantity, "note", note, "plusCode", plusCode);
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
