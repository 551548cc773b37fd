package vn.xaso.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An indicator's figure for a set of units over a period, with the numbers it came from.
 * {@link #value()} is null when the denominator is zero (nothing to measure yet).
 */
public record IndicatorValue(Indicator indicator, String unitCode, LocalDate from, LocalDate to, BigDecimal numerator,
		@Nullable BigDecimal denominator) {

	public @Nullable BigDecimal value() {
		if (indicator.kind() == Indicator.Kind.COUNT) {
			return numerator;
		}
		if (denominator == null || denominator.signum() == 0) {
			return null;
		}
		return numerator.multiply(BigDecimal.valueOf(indicator.scale())).divide(denominator, 4, RoundingMode.HALF_EVEN);
	}

	/** The value for people: "87,5" with a Vietnamese decimal comma, or "—" when there is none. */
	public String display() {
		var v = value();
		if (v == null) {
			return "—";
		}
		var rounded = v.setScale(indicator.kind() == Indicator.Kind.COUNT ? 0 : 1, RoundingMode.HALF_UP).stripTrailingZeros();
		if (rounded.scale() < 0) {
			rounded = rounded.setScale(0);
		}
		return rounded.toPlainString().replace('.', ',');
	}
}
