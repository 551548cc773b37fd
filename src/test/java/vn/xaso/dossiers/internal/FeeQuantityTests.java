package vn.xaso.dossiers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.xaso.catalog.FeeInput;

/** The fee is for the pages and copies the form shows, never silently for one page or one copy. */
class FeeQuantityTests {

	@Test
	void theQuantitiesOfTheFormAreBilledAsTyped() {
		assertThat(CatalogProcedures.feeInput(Map.of("pages", "12", "copies", "3"))).isEqualTo(new FeeInput(12, 3));
		assertThat(CatalogProcedures.feeInput(Map.of("pages", "10000"))).isEqualTo(new FeeInput(10000, 1));
		assertThat(CatalogProcedures.feeInput(Map.of())).isEqualTo(new FeeInput(1, 1));
	}

	@Test
	void aNegativeOrHugeQuantityIsRefusedNotBilledAsOne() {
		assertThatThrownBy(() -> CatalogProcedures.feeInput(Map.of("pages", "-5"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CatalogProcedures.feeInput(Map.of("copies", "2147483648"))).isInstanceOf(IllegalArgumentException.class);
	}
}
