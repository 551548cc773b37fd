package vn.xaso.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class VillagesTests {

	@Autowired
	Villages villages;

	@Autowired
	Units units;

	@Test
	void createsNumberedVillagesWithCleanNamesInVietnameseOrder() {
		var scope = UnitScope.of("12142");
		var first = Tenancy.callAs(scope, () -> villages.create("12142", "  Thôn   Yên Lạc ", "Thôn"));
		var second = Tenancy.callAs(scope, () -> villages.create("12142", "Ấp Bắc", "Xóm"));
		assertThat(first.code()).isEqualTo("12142-01");
		assertThat(first.name()).isEqualTo("Yên Lạc");
		assertThat(first.fullName()).isEqualTo("Thôn Yên Lạc");
		assertThat(first.active()).isTrue();
		assertThat(second.code()).isEqualTo("12142-02");
		// the type word is only dropped when it is the village's own type
		assertThat(second.name()).isEqualTo("Ấp Bắc");
		assertThat(villages.list("12142")).extracting(Village::name).containsExactly("Ấp Bắc", "Yên Lạc");
	}

	@Test
	void refusesBadInputWithVietnameseMessages() {
		Tenancy.runAs(UnitScope.of("12073"), () -> {
			villages.create("12073", "Đông Hạ", "Thôn");
			assertThatThrownBy(() -> villages.create("12073", "dong ha", "Xóm"))
				.isInstanceOf(UnitValidationException.class).hasMessageContaining("đã có");
			assertThatThrownBy(() -> villages.create("12073", "   ", "Thôn"))
				.isInstanceOf(UnitValidationException.class).hasMessageContaining("1 đến 100");
			assertThatThrownBy(() -> villages.create("12073", "x".repeat(101), "Thôn"))
				.isInstanceOf(UnitValidationException.class);
			assertThatThrownBy(() -> villages.create("12073", "Mới", "Làng"))
				.isInstanceOf(UnitValidationException.class).hasMessageContaining("Loại");
			assertThatThrownBy(() -> villages.create("37", "Mới", "Thôn")).isInstanceOf(UnitValidationException.class);
			assertThatThrownBy(() -> villages.rename(-5, "Mới", "Thôn")).isInstanceOf(UnitValidationException.class);
		});
	}

	@Test
	void renamesAndDeactivates() {
		Tenancy.runAs(UnitScope.of("00070"), () -> {
			var village = villages.create("00070", "Số 1", "Tổ dân phố");
			var renamed = villages.rename(village.id(), "Hàng Bạc", "Khu phố");
			assertThat(renamed.name()).isEqualTo("Hàng Bạc");
			assertThat(renamed.type()).isEqualTo("Khu phố");
			assertThat(renamed.code()).isEqualTo(village.code());
			// renaming to its own name (different case) is not a duplicate
			villages.rename(village.id(), "hàng bạc", "Khu phố");
			villages.deactivate(village.id());
		});
		assertThat(villages.list("00070")).singleElement().extracting(Village::active).isEqualTo(false);
	}

	@Test
	void unitsApiForOtherModules() {
		assertThat(units.find("14701")).get().extracting(Unit::name).isEqualTo("Xã Yên Mô");
		assertThat(units.find("14722")).isEmpty();
		assertThat(units.ancestors("14701")).extracting(Unit::code).containsExactly("37");
		assertThat(units.ancestors("37")).isEmpty();
		assertThat(units.isCommune("14701")).isTrue();
		assertThat(units.isCommune("37")).isFalse();
		assertThat(units.communesOf("37")).contains("14701").doesNotContain("16144").allMatch(c -> c.length() == 5);
		assertThat(units.communesOf("99")).isEmpty();
	}
}
