package vn.xaso.economy.internal;

import java.math.BigDecimal;

import vn.xaso.economy.Lot;

/** A batch offered in a list (an input of a processing step, the batch an order is filled from) with what is left of it. */
public record LotChoice(Lot lot, BigDecimal left) {

	/** What is left, written plainly (no trailing zeros). */
	public String leftText() {
		return left.signum() == 0 ? "0" : left.stripTrailingZeros().toPlainString();
	}
}
