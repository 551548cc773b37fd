package vn.xaso.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** Villages of 16144 (Nga An, Thanh Hóa) must be safe from a caller scoped to 14701 (Yên Mô, Ninh Bình). */
@XasoIntegrationTest
class VillageRowLevelSecurityTests {

	static final UnitScope YEN_MO = UnitScope.of("14701");
	static final UnitScope NGA_AN = UnitScope.of("16144");

	@Autowired
	Villages villages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	Village ngaAnVillage;

	@BeforeEach
	void oneVillageInEachCommune() {
		Tenancy.runAs(UnitScope.systemWide(),
				() -> transactions.executeWithoutResult(
						s -> jdbc.sql("delete from village where commune_code in ('14701', '16144')").update()));
		Tenancy.runAs(YEN_MO, () -> villages.create("14701", "Yên Hòa", "Thôn"));
		ngaAnVillage = Tenancy.callAs(NGA_AN, () -> villages.create("16144", "An Thượng", "Thôn"));
	}

	@Test
	void aCommuneOfficialWritesOnlyInTheirCommune() {
		Tenancy.runAs(YEN_MO, () -> {
			assertThat(villages.create("14701", "Yên Thịnh", "Thôn").communeCode()).isEqualTo("14701");
			assertThatThrownBy(() -> villages.create("16144", "Lạ", "Thôn")).isInstanceOf(NotYourUnitException.class)
				.hasMessage("Bạn không có quyền với đơn vị này.");
			assertThatThrownBy(() -> villages.rename(ngaAnVillage.id(), "Lạ", "Thôn"))
				.isInstanceOf(NotYourUnitException.class);
			assertThatThrownBy(() -> villages.deactivate(ngaAnVillage.id())).isInstanceOf(NotYourUnitException.class);
		});
		assertThatThrownBy(() -> villages.create("14701", "Không ai", "Thôn")).isInstanceOf(NotYourUnitException.class);
		// everyone may read villages
		assertThat(villages.list("16144")).extracting(Village::name).containsExactly("An Thượng");
	}

	@Test
	void rowLevelSecurityAloneProtectsOtherCommunesFromRawSql() {
		Tenancy.runAs(YEN_MO, () -> transactions.executeWithoutResult(s -> {
			assertThat(jdbc.sql("update village set name = 'x'").update()).isEqualTo(1);
			assertThat(jdbc.sql("update village set commune_code = '14701' where commune_code = '16144'").update())
				.isZero();
			assertThat(jdbc.sql("delete from village").update()).isEqualTo(1);
		}));

		assertThat(jdbc.sql("select name from village where commune_code = '16144'").query(String.class).list())
			.containsExactly("An Thượng");
		assertThat(jdbc.sql("select count(*) from village where commune_code = '14701'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void rowLevelSecurityRefusesInsertsForAnotherCommuneInOrOutsideATransaction() {
		assertThatThrownBy(() -> Tenancy.runAs(YEN_MO, () -> transactions.executeWithoutResult(
				s -> jdbc.sql("insert into village (commune_code, code, name, type) values ('16144', '16144-99', 'Lạ', 'Thôn')")
					.update())))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");

		// no transaction: app.units is unset (or '' on a reused connection), which matches no unit
		assertThatThrownBy(() -> jdbc
			.sql("insert into village (commune_code, code, name, type) values ('16144', '16144-98', 'Lạ', 'Thôn')")
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
		assertThat(jdbc.sql("select count(*) from village where code in ('16144-98', '16144-99')")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void theAppRoleCannotWriteReferenceData() {
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.systemWide(), () -> transactions
			.executeWithoutResult(s -> jdbc.sql("update admin_unit set name = 'x' where code = '14701'").update())))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
	}
}
