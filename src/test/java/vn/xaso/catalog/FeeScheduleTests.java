package vn.xaso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeScheduleTests {

	final FeeSchedule.Tiered copy = FeeSchedule.Tiered.certifiedCopy();

	@ParameterizedTest(name = "{0} pages, {1} copies = {2} đ")
	@CsvSource({
			// pages 1–2 at 2.000 đ, from page 3 at 1.000 đ, at most 200.000 đ a copy (TT 226/2016/TT-BTC)
			"1, 1, 2000", "2, 1, 4000", "3, 1, 5000", "10, 1, 12000", "150, 1, 152000",
			"198, 1, 200000", "199, 1, 200000", "250, 1, 200000", "1000, 1, 200000",
			"1, 3, 6000", "3, 2, 10000", "150, 2, 304000", "250, 2, 400000", "0, 1, 0", "5, 0, 0" })
	void certifiedCopyFormula(int pages, int copies, long expected) {
		assertThat(copy.amountVnd(new FeeInput(pages, copies))).isEqualTo(expected);
	}

	@Test
	void otherKinds() {
		assertThat(new FeeSchedule.Free().amountVnd(new FeeInput(10, 5))).isZero();
		assertThat(new FeeSchedule.Fixed(8_000).amountVnd(new FeeInput(1, 3))).isEqualTo(24_000);
		assertThat(new FeeSchedule.PerCase(10_000).amountVnd(new FeeInput(4, 3))).isEqualTo(10_000);
		assertThat(new FeeSchedule.PerCase(10_000).amountVnd(new FeeInput(4, 0))).isZero();
		var province = new FeeSchedule.ProvinceDecided("");
		assertThat(province.known()).isFalse();
		assertThat(copy.known()).isTrue();
	}

	@Test
	void uncappedSingleTier() {
		var perPage = new FeeSchedule.Tiered(List.of(new FeeSchedule.Tiered.Tier(1, 500)), 0);
		assertThat(perPage.amountVnd(new FeeInput(1000, 2))).isEqualTo(1_000_000);
	}

	@Test
	void describesInVietnamese() {
		assertThat(copy.describe())
			.isEqualTo("Trang 1 đến trang 2: 2.000 đ/trang; từ trang 3 trở đi: 1.000 đ/trang; tối đa 200.000 đ mỗi bản");
		assertThat(new FeeSchedule.Fixed(8_000).describe()).isEqualTo("8.000 đ mỗi bản");
		assertThat(new FeeSchedule.PerCase(10_000).describe()).isEqualTo("10.000 đ mỗi trường hợp");
		assertThat(new FeeSchedule.Free().describe()).isEqualTo("Miễn phí");
		assertThat(new FeeSchedule.Free("Bản sao 8.000 đ.").describe()).isEqualTo("Miễn phí. Bản sao 8.000 đ.");
		assertThat(new FeeSchedule.ProvinceDecided("").describe()).contains("Hội đồng nhân dân tỉnh");
	}

	@Test
	void refusesBadSchedules() {
		assertThatThrownBy(() -> new FeeSchedule.Fixed(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FeeSchedule.Tiered(List.of(new FeeSchedule.Tiered.Tier(2, 1000)), 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FeeSchedule.Tiered(
				List.of(new FeeSchedule.Tiered.Tier(1, 1000), new FeeSchedule.Tiered.Tier(1, 500)), 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FeeInput(-1, 1)).isInstanceOf(IllegalArgumentException.class);
	}
}
