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
 */
public record Indicator(String code, String nameVi, String nameEn, Pillar pillar, Kind kind, List<String> numerator,
		List<String> denominator, int scale, String unit, Direction direction, String definitionVi, String definitionEn,
		String source, @Nullable String drilldown) {

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
