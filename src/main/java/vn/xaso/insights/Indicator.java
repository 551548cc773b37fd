package vn.xaso.insights;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A declared indicator. Counted indicators are Σ numerator metrics / Σ denominator metrics over
 * the units and days asked for (a COUNT has no denominator); entered indicators take the latest
 * value entered for the period, with its evidence file.
 *
 * @param numerator metric codes summed for the numerator
 * @param denominator metric codes summed for the denominator (empty for a COUNT)
 * @param scale multiplier shown to people (100 for a percentage)
 * @param source the legal source of the definition, e.g. "QĐ 766/QĐ-TTg, nhóm 2"
 * @param drilldown site path of the records behind the number for the unit's own officials, with
 *        {from} and {to} placeholders; null when there is no list to show
 * @param stock a state at the end of the period rather than a flow within it (households with a
 *        smartphone): its counters are changes (+1 when a household gains it, −1 when it loses it) and
 *        are summed from {@link #ORIGIN} to the period's end, whatever its start
 */
public record Indicator(String code, String nameVi, String nameEn, Pillar pillar, Kind kind, List<String> numerator,
		List<String> denominator, int scale, String unit, Direction direction, String definitionVi, String definitionEn,
		String source, @Nullable String drilldown, boolean stock) {

	/** Where a stock indicator's counters are summed from: before any counter exists. */
	public static final java.time.LocalDate ORIGIN = java.time.LocalDate.of(2000, 1, 1);

	/** The first day summed for a period starting at {@code from}. */
	public java.time.LocalDate start(java.time.LocalDate from) {
		return stock ? ORIGIN : from;
	}

	public enum Pillar { GOVERNMENT, ECONOMY, SOCIETY, FOUNDATION }

	public enum Kind { RATIO, COUNT, ENTERED }

	/** Which way is better. */
	public enum Direction { UP, DOWN }

	public String name(boolean english) {
		return english ? nameEn : nameVi;
	}

	public String definition(boolean english) {
		return english ? definitionEn : definitionVi;
	}
}
