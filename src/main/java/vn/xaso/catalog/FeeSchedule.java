package vn.xaso.catalog;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/**
 * A procedure's fee (phí, lệ phí) as data. {@link #amountVnd} is what the citizen pays for the
 * given pages and copies; {@link #describe} explains it in plain Vietnamese.
 */
public sealed interface FeeSchedule permits FeeSchedule.Free, FeeSchedule.Fixed, FeeSchedule.PerCase,
		FeeSchedule.Tiered, FeeSchedule.ProvinceDecided {

	long amountVnd(FeeInput input);

	/** The explanation for citizens in {@code locale} (the catalog bundle's {@code catalog.fee.*}). */
	String describe(Locale locale);

	/** The Vietnamese explanation: what the audit log keeps and the other callers without a reader. */
	default String describe() {
		return describe(Locale.ROOT);
	}

	private static String text(Locale locale, String key, Object... args) {
		return Refusal.textIn(CatalogException.BUNDLE, locale, key, args);
	}

	/** False when the amount is not known to XaSo (set by the provincial council and not entered yet). */
	default boolean known() {
		return true;
	}

	/** Vietnamese money, e.g. "200.000 đ". */
	static String vnd(long amount) {
		return vnd(amount, Locale.ROOT);
	}

	/** Money written the Vietnamese way, with the currency of {@code locale}'s bundle, e.g. "200.000 đ". */
	static String vnd(long amount, Locale locale) {
		return text(locale, "catalog.fee.vnd", NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount));
	}

	/** Miễn phí, lệ phí. {@code note} may explain related charges (e.g. copies of the extract). */
	record Free(@Nullable String note) implements FeeSchedule {

		public Free() {
			this(null);
		}

		@Override
		public long amountVnd(FeeInput input) {
			return 0;
		}

		@Override
		public String describe(Locale locale) {
			return note == null || note.isBlank() ? text(locale, "catalog.fee.free") : text(locale, "catalog.fee.freeWithNote", note);
		}
	}

	/** A fixed amount per copy (bản), e.g. 8.000 đ per copy of an extract. */
	record Fixed(long vndPerCopy) implements FeeSchedule {

		public Fixed {
			if (vndPerCopy < 0) {
				throw new IllegalArgumentException("negative fee");
			}
		}

		@Override
		public long amountVnd(FeeInput input) {
			return vndPerCopy * input.copies();
		}

		@Override
		public String describe(Locale locale) {
			return text(locale, "catalog.fee.perCopy", vnd(vndPerCopy, locale));
		}
	}

	/** A fixed amount per case (trường hợp / hợp đồng), whatever the pages and copies. */
	record PerCase(long vnd, String unit) implements FeeSchedule {

		public PerCase {
			if (vnd < 0) {
				throw new IllegalArgumentException("negative fee");
			}
			if (unit.isBlank()) {
				unit = defaultUnit();
			}
		}

		public PerCase(long vnd) {
			this(vnd, defaultUnit());
		}

		/** "trường hợp" (a case): the unit a per-case fee is counted in when none is written; kept with the procedure in Vietnamese. */
		private static String defaultUnit() {
			return text(Locale.ROOT, "catalog.fee.defaultUnit");
		}

		@Override
		public long amountVnd(FeeInput input) {
			return input.copies() == 0 ? 0 : vnd;
		}

		@Override
		public String describe(Locale locale) {
			// the unit is the procedure's own word; the default one is said in the reader's language
			var shown = unit.equals(defaultUnit()) ? text(locale, "catalog.fee.defaultUnit") : unit;
			return text(locale, "catalog.fee.perUnit", FeeSchedule.vnd(vnd, locale), shown);
		}
	}

	/**
	 * A per-page fee in tiers, capped per copy: Thông tư 226/2016/TT-BTC for certified copies is
	 * {@code Tiered([1 → 2.000], [3 → 1.000]; cap 200.000)} — 2.000 đ a page for pages 1–2,
	 * 1.000 đ a page from page 3, at most 200.000 đ a copy.
	 */
	record Tiered(List<Tier> tiers, long capPerCopy) implements FeeSchedule {

		/** From page {@code fromPage} (1-based, inclusive) on, each page costs {@code vndPerPage}. */
		public record Tier(int fromPage, long vndPerPage) {
			public Tier {
				if (fromPage < 1 || vndPerPage < 0) {
					throw new IllegalArgumentException("bad tier");
				}
			}
		}

		public Tiered {
			tiers = List.copyOf(tiers);
			if (tiers.isEmpty() || tiers.get(0).fromPage() != 1) {
				throw new IllegalArgumentException("the first tier starts at page 1");
			}
			for (int i = 1; i < tiers.size(); i++) {
				if (tiers.get(i).fromPage() <= tiers.get(i - 1).fromPage()) {
					throw new IllegalArgumentException("tiers must start at increasing pages");
				}
			}
			if (capPerCopy < 0) {
				throw new IllegalArgumentException("negative cap");
			}
		}

		/** The certified-copy fee of Thông tư 226/2016/TT-BTC. */
		public static Tiered certifiedCopy() {
			return new Tiered(List.of(new Tier(1, 2_000), new Tier(3, 1_000)), 200_000);
		}

		public long perCopy(int pages) {
			long total = 0;
			for (int i = 0; i < tiers.size(); i++) {
				int from = tiers.get(i).fromPage();
				int to = i + 1 < tiers.size() ? tiers.get(i + 1).fromPage() - 1 : Integer.MAX_VALUE;
				if (pages >= from) {
					total += (long) (Math.min(pages, to) - from + 1) * tiers.get(i).vndPerPage();
				}
			}
			return capPerCopy > 0 ? Math.min(total, capPerCopy) : total;
		}

		@Override
		public long amountVnd(FeeInput input) {
			return perCopy(input.pages()) * input.copies();
		}

		@Override
		public String describe(Locale locale) {
			var text = new StringBuilder();
			for (int i = 0; i < tiers.size(); i++) {
				var tier = tiers.get(i);
				if (i > 0) {
					text.append("; ");
				}
				if (i + 1 < tiers.size()) {
					int to = tiers.get(i + 1).fromPage() - 1;
					text.append(to == tier.fromPage() ? FeeSchedule.text(locale, "catalog.fee.page", String.valueOf(to))
							: FeeSchedule.text(locale, "catalog.fee.pages", String.valueOf(tier.fromPage()), String.valueOf(to)));
				}
				else {
					text.append(i == 0 ? FeeSchedule.text(locale, "catalog.fee.everyPage")
							: FeeSchedule.text(locale, "catalog.fee.fromPage", String.valueOf(tier.fromPage())));
				}
				text.append(FeeSchedule.text(locale, "catalog.fee.perPage", vnd(tier.vndPerPage(), locale)));
			}
			if (capPerCopy > 0) {
				text.append(FeeSchedule.text(locale, "catalog.fee.cap", vnd(capPerCopy, locale)));
			}
			return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
		}
	}

	/**
	 * Lệ phí set by the provincial People's Council (Thông tư 85/2019/TT-BTC) and not yet entered
	 * for this commune: the amount is unknown, the citizen is told to ask.
	 */
	record ProvinceDecided(String note) implements FeeSchedule {

		@Override
		public long amountVnd(FeeInput input) {
			return 0;
		}

		@Override
		public boolean known() {
			return false;
		}

		@Override
		public String describe(Locale locale) {
			return note.isBlank() ? text(locale, "catalog.fee.province") : text(locale, "catalog.fee.provinceWithNote", note);
		}
	}
}
