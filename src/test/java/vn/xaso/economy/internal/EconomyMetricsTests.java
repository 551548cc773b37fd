package vn.xaso.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.xaso.economy.internal.EconomyMetrics.Counted;

/**
 * What a product's change adds to the stocks "products listed" and "OCOP products by stars": the same function
 * publishes the events and replays the kept changes for the recount, so these cases are the rules of both.
 */
class EconomyMetricsTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	@Test
	void aNewListedProductWithAValidRatingCountsNowAndItsRatingEndsOnTheExpiryDay() {
		var until = LocalDate.of(2027, 6, 1);
		var change = EconomyMetrics.change(null, new Counted(true, 4, until), DAY);
		assertThat(change).containsExactly(Map.entry(DAY, Map.of(EconomyMetrics.LISTED, 1L, EconomyMetrics.OCOP_4, 1L)),
				Map.entry(until, Map.of(EconomyMetrics.OCOP_4, -1L)));
	}

	@Test
	void anExpiredCertificateCountsForNothingButTheListing() {
		var change = EconomyMetrics.change(null, new Counted(true, 5, DAY), DAY);
		assertThat(change).containsExactly(Map.entry(DAY, Map.of(EconomyMetrics.LISTED, 1L)));
	}

	@Test
	void hidingAndReRatingTakeBackWhatTheProductCountedForIncludingTheBookedExpiry() {
		var until = LocalDate.of(2027, 6, 1);
		var before = new Counted(true, 3, until);
		var hidden = EconomyMetrics.change(before, new Counted(false, 3, until), DAY);
		assertThat(hidden).containsExactly(Map.entry(DAY, Map.of(EconomyMetrics.LISTED, -1L)));

		var later = LocalDate.of(2028, 1, 1);
		var reRated = EconomyMetrics.change(before, new Counted(true, 5, later), DAY);
		assertThat(reRated).containsExactly(Map.entry(DAY, Map.of(EconomyMetrics.OCOP_3, -1L, EconomyMetrics.OCOP_5, 1L)),
				Map.entry(until, Map.of(EconomyMetrics.OCOP_3, 1L)), Map.entry(later, Map.of(EconomyMetrics.OCOP_5, -1L)));
	}

	@Test
	void aChangeAfterTheRatingExpiredLeavesItsBookedEndAlone() {
		var until = DAY.minusDays(1);
		var change = EconomyMetrics.change(new Counted(true, 4, until), new Counted(true, null, null), DAY);
		assertThat(change).isEmpty();
	}
}
