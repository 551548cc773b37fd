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

/**
 * Villages of one commune (26725, Tân Thành) must be safe from a caller scoped to another (26704, Phú Mỹ). Two communes
 * without demo data: each test starts by deleting their villages, which other modules' rows (households) may reference
 * in the demo communes.
 */
@XasoIntegrationTest
class VillageRowLevelSecurityTests {

	static final UnitScope ONE = UnitScope.of("26704");
	static final UnitScope OTHER = UnitScope.of("26725");

	@Autowired
	Villages villages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	Village otherVillage;

	@BeforeEach
	void oneVillageInEachCommune() {
		Tenancy.runAs(UnitScope.systemWide(),
				() -> transactions.executeWithoutResult(
						s -> jdbc.sql("delete from village where commune_code in ('26704', '26725')").update()));
		Tenancy.runAs(ONE, () -> villages.create("26704", "Yên Hòa", "Thôn"));
		otherVillage = Tenancy.callAs(OTHER, () -> villages.create("26725", "An Thượng", "Thôn"));
	}

	@Test
	void aCommuneOfficialWritesOnlyInTheirCommune() {
		Tenancy.runAs(ONE, () -> {
			assertThat(villages.create("26704", "Yên Thịnh", "Thôn").communeCode()).isEqualTo("26704");
			assertThatThrownBy(() -> villages.create("26725", "Lạ", "Thôn")).isInstanceOf(NotYourUnitException.class)
				.hasMessage("Bạn không có quyền với đơn vị này.");
			assertThatThrownBy(() -> villages.rename(otherVillage.id(), "Lạ", "Thôn"))
				.isInstanceOf(NotYourUnitException.class);
			assertThatThrownBy(() -> villages.deactivate(otherVillage.id())).isInstanceOf(NotYourUnitException.class);
		});
		assertThatThrownBy(() -> villages.create("26704", "Không ai", "Thôn")).isInstanceOf(NotYourUnitException.class);
		// everyone may read villages
		assertThat(villages.list("26725")).extracting(Village::name).containsExactly("An Thượng");
	}

	@Test
	void rowLevelSecurityAloneProtectsOtherCommunesFromRawSql() {
		Tenancy.runAs(ONE, () -> transactions.executeWithoutResult(s -> {
			assertThat(jdbc.sql("update village set name = 'x'").update()).isEqualTo(1);
			assertThat(jdbc.sql("update village set commune_code = '26704' where commune_code = '26725'").update())
				.isZero();
			assertThat(jdbc.sql("delete from village").update()).isEqualTo(1);
		}));

		assertThat(jdbc.sql("select name from village where commune_code = '26725'").query(String.class).list())
			.containsExactly("An Thượng");
		assertThat(jdbc.sql("select count(*) from village where commune_code = '26704'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void rowLevelSecurityRefusesInsertsForAnotherCommuneInOrOutsideATransaction() {
		assertThatThrownBy(() -> Tenancy.runAs(ONE, () -> transactions.executeWithoutResult(
				s -> jdbc.sql("insert into village (commune_code, code, name, type) values ('26725', '26725-99', 'Lạ', 'Thôn')")
					.update())))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");

		// no transaction: app.units is unset (or '' on a reused connection), which matches no unit
		assertThatThrownBy(() -> jdbc
			.sql("insert into village (commune_code, code, name, type) values ('26725', '26725-98', 'Lạ', 'Thôn')")
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");
		assertThat(jdbc.sql("select count(*) from village where code in ('26725-98', '26725-99')")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void theAppRoleCannotWriteReferenceData() {
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.systemWide(), () -> transactions
			.executeWithoutResult(s -> jdbc.sql("update admin_unit set name = 'x' where code = '26704'").update())))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
	}
}
