package vn.xaso.economy.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import com.google.openlocationcode.OpenLocationCode;

import vn.xaso.economy.EconomyException;

/**
 * The rules of a new batch: a lot number (GS1 AI 10, letters, digits and '-', at most 20), the production date (not in
 * the future), an optional best-before date (not before it), the quantity (whole units of the product, 1–10,000,000)
 * and notes on inputs and origin (at most 1,000 characters).
 */
public record LotEntry(String lotNumber, LocalDate producedOn, @Nullable LocalDate bestBefore, int quantity, @Nullable String origin) {

	public record Input(@Nullable String productId, @Nullable String lotNumber, @Nullable String producedOn, @Nullable String bestBefore,
			@Nullable String quantity, @Nullable String origin) {
	}

	/**
	 * A diary line: the step, when (date and optional time, Vietnam time), quantity, note, plus code of the place, and for
	 * packing the pack's or case's code (an SSCC or the producer's own; optional).
	 */
	public record DiaryInput(@Nullable String step, @Nullable String date, @Nullable String time, @Nullable String quantity,
			@Nullable String note, @Nullable String plusCode, @Nullable String packCode) {

		public DiaryInput(@Nullable String step, @Nullable String date, @Nullable String time, @Nullable String quantity,
				@Nullable String note, @Nullable String plusCode) {
			this(step, date, time, quantity, note, plusCode, null);
		}
	}

	/** A checked diary line. */
	record Diary(LotStep step, Instant when, @Nullable BigDecimal quantity, @Nullable String note, @Nullable String plusCode,
			@Nullable String packCode) {
	}

	static LotEntry of(Input in, LocalDate today) {
		var number = ProducerEntry.text(in.lotNumber()).toUpperCase(java.util.Locale.ROOT);
		if (!number.matches("[A-Z0-9-]{1,20}")) {
			throw new EconomyException("lotNumber", "economy.error.lotNumber");
		}
		var produced = date(in.producedOn());
		if (produced == null || produced.isAfter(today) || produced.isBefore(today.minusYears(10))) {
			throw new EconomyException("producedOn", "economy.error.lotProducedOn");
		}
		var best = ProducerEntry.text(in.bestBefore()).isEmpty() ? null : date(in.bestBefore());
		if (!ProducerEntry.text(in.bestBefore()).isEmpty() && (best == null || best.isBefore(produced))) {
			throw new EconomyException("bestBefore", "economy.error.lotBestBefore");
		}
		var quantity = ProductEntry.whole(in.quantity());
		if (quantity == null || quantity < 1 || quantity > 10_000_000) {
			throw new EconomyException("quantity", "economy.error.lotQuantity");
		}
		var origin = in.origin() == null ? "" : in.origin().strip();
		if (origin.length() > 1000) {
			throw new EconomyException("origin", "economy.error.lotOrigin");
		}
		return new LotEntry(number, produced, best, (int) (long) quantity, origin.isEmpty() ? null : origin);
	}

	static Diary diary(DiaryInput in, Instant now) {
		LotStep step;
		try {
			step = LotStep.valueOf(ProducerEntry.text(in.step()));
		}
		catch (IllegalArgumentException e) {
			step = null;
		}
		if (step == null || step == LotStep.RECALLED || step == LotStep.TRANSFORMED) {
			throw new EconomyException("step", "economy.error.lotStep");
		}
		var when = when(in.date(), in.time(), now, "");
		var quantity = quantity(in.quantity(), "quantity");
		var note = note(in.note(), "note");
		if (note.length() < 3 && (step == LotStep.CARED || step == LotStep.PROCESSED || step == LotStep.RECEIVED)) {
			throw new EconomyException("note", "economy.error.lotNoteNeeded");
		}
		var plus = ProducerEntry.text(in.plusCode()).toUpperCase(java.util.Locale.ROOT);
		if (!plus.isEmpty() && (plus.length() > 20 || !OpenLocationCode.isFullCode(plus) || OpenLocationCode.isPadded(plus))) {
			throw new EconomyException("plusCode", "economy.error.lotPlusCode");
		}
		var pack = ProducerEntry.text(in.packCode()).toUpperCase(java.util.Locale.ROOT);
		if (!pack.isEmpty() && !pack.matches("[A-Z0-9-]{1,40}")) {
			throw new EconomyException("packCode", "economy.error.lotPackCode");
		}
		return new Diary(step, when, quantity, note.isEmpty() ? null : note, plus.isEmpty() ? null : plus,
				pack.isEmpty() || step != LotStep.PACKED ? null : pack);
	}

	/** A step's time: a past date (at most ten years back) and an optional time, Vietnam time; noon when no time is given. */
	static Instant when(@Nullable String date, @Nullable String time, Instant now, String fieldPrefix) {
		var day = date(date);
		LocalTime at = LocalTime.NOON;
		var timeText = ProducerEntry.text(time);
		if (!timeText.isEmpty()) {
			try {
				at = LocalTime.parse(timeText);
			}
			catch (DateTimeParseException e) {
				throw new EconomyException(field(fieldPrefix, "time"), "economy.error.lotTime");
			}
		}
		var when = day == null ? null : day.atTime(at).atZone(EconomyWork.VIETNAM).toInstant();
		if (when == null || when.isAfter(now.plus(Duration.ofMinutes(10))) || when.isBefore(now.minus(Duration.ofDays(3660)))) {
			throw new EconomyException(field(fieldPrefix, "date"), "economy.error.lotWhen");
		}
		return when;
	}

	/** An optional quantity: positive, at most 10,000,000, three decimals; a comma is a decimal point. */
	static @Nullable BigDecimal quantity(@Nullable String text, String field) {
		var q = ProducerEntry.text(text).replace(',', '.');
		if (q.isEmpty()) {
			return null;
		}
		BigDecimal quantity;
		try {
			quantity = new BigDecimal(q);
		}
		catch (NumberFormatException e) {
			quantity = BigDecimal.ZERO;
		}
		if (quantity.signum() <= 0 || quantity.compareTo(BigDecimal.valueOf(10_000_000)) > 0 || quantity.scale() > 3) {
			throw new EconomyException(field, "economy.error.lotEventQuantity");
		}
		return quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros();
	}

	static String note(@Nullable String text, String field) {
		var note = ProducerEntry.text(text);
		if (note.length() > 500) {
			throw new EconomyException(field, "economy.error.lotNote");
		}
		return note;
	}

	/** "date" with no prefix, "processDate" with "process". */
	private static String field(String prefix, String name) {
		return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static @Nullable LocalDate date(@Nullable String s) {
		try {
			return LocalDate.parse(ProducerEntry.text(s));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
