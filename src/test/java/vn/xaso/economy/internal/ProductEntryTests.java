package vn.xaso.economy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Product;

/** Product checks: OCOP stars against the score (QĐ 148/QĐ-TTg), 36-month validity, GTIN check digits, links. */
class ProductEntryTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static ProductEntry.Input input(String stars, String score, String date, String gtin, String links) {
		return new ProductEntry.Input("Chuối tây sấy dẻo", "Hộp 250 g", "FOOD", "hộp", "45.000", "120", "Quanh năm", gtin, stars, score,
				stars.isEmpty() ? "" : "215/QĐ-UBND", date, links, true);
	}

	@Test
	void theStarsMustMatchTheScore() {
		assertThat(ProductEntry.of(input("4", "78", "2026-05-15", "", ""), TODAY).ocop()).isEqualTo(
				new Product.Ocop(4, 78, "215/QĐ-UBND", LocalDate.of(2026, 5, 15)));
		assertThatThrownBy(() -> ProductEntry.of(input("5", "78", "2026-05-15", "", ""), TODAY))
			.isInstanceOfSatisfying(EconomyException.class, e -> {
				assertThat(e.key()).isEqualTo("economy.error.ocopMismatch");
				assertThat(e.args()).containsExactly(5, 90, 100);
			});
		assertThatThrownBy(() -> ProductEntry.of(input("3", "49", "2026-05-15", "", ""), TODAY)).extracting("key").isEqualTo("economy.error.ocopMismatch");
		assertThatThrownBy(() -> ProductEntry.of(input("2", "60", "2026-05-15", "", ""), TODAY)).extracting("key").isEqualTo("economy.error.ocopStars");
		assertThatThrownBy(() -> ProductEntry.of(input("4", "75", "2027-01-01", "", ""), TODAY)).extracting("key").isEqualTo("economy.error.ocopDate");
		assertThat(ProductEntry.starsFor(90)).isEqualTo(5);
		assertThat(ProductEntry.starsFor(89)).isEqualTo(4);
		assertThat(ProductEntry.starsFor(69)).isEqualTo(3);
	}

	@Test
	void aRatingShowsFor36MonthsThenStops() {
		var ocop = new Product.Ocop(4, 78, "215/QĐ-UBND", LocalDate.of(2023, 12, 8));
		assertThat(ocop.expiresOn()).isEqualTo(LocalDate.of(2026, 12, 8));
		assertThat(ocop.validOn(TODAY)).isTrue();
		assertThat(ocop.validOn(TODAY.plusDays(1))).isFalse();
		// An expired rating is kept (the producer may renew it) but no longer shown.
		var expired = ProductEntry.of(input("4", "78", "2023-12-01", "", ""), TODAY);
		assertThat(expired.ocop()).isNotNull();
		assertThat(expired.ocop().validOn(TODAY)).isFalse();
	}

	@Test
	void aGtinNeedsItsCheckDigit() {
		assertThat(ProductEntry.validGtin("8934588012228")).isTrue();
		assertThat(ProductEntry.validGtin("8934588012225")).isFalse();
		assertThat(ProductEntry.validGtin("96385074")).isTrue();
		assertThatThrownBy(() -> ProductEntry.of(input("", "", "", "893458801222", ""), TODAY)).extracting("key").isEqualTo("economy.error.gtin");
	}

	@Test
	void linksAreWebAddressesAtMostFive() {
		assertThat(ProductEntry.of(input("", "", "", "", "https://postmart.vn/a\n\nhttps://voso.vn/b\nhttps://postmart.vn/a"), TODAY).links())
			.containsExactly("https://postmart.vn/a", "https://voso.vn/b");
		assertThatThrownBy(() -> ProductEntry.of(input("", "", "", "", "javascript:alert(1)"), TODAY)).extracting("key").isEqualTo("economy.error.link");
		assertThatThrownBy(() -> ProductEntry.of(input("", "", "", "", "https://a.vn\nhttps://b.vn\nhttps://c.vn\nhttps://d.vn\nhttps://e.vn\nhttps://f.vn"), TODAY))
			.extracting("key").isEqualTo("economy.error.links");
	}

	@Test
	void priceAndStockAreWholeNumbersInRange() {
		var entry = ProductEntry.of(input("", "", "", "", ""), TODAY);
		assertThat(entry.priceVnd()).isEqualTo(45_000);
		assertThat(entry.stock()).isEqualTo(120);
		assertThatThrownBy(() -> ProductEntry.of(new ProductEntry.Input("Chuối", "", "FOOD", "hộp", "500", "1", null, null, null, null, null,
				null, null, true), TODAY)).extracting("key").isEqualTo("economy.error.price");
		assertThatThrownBy(() -> ProductEntry.of(new ProductEntry.Input("Chuối", "", "FOOD", "hộp", "45000", "-1", null, null, null, null,
				null, null, null, true), TODAY)).extracting("key").isEqualTo("economy.error.stockValue");
	}
}
