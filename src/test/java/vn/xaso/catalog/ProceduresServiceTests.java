package vn.xaso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.catalog.internal.CatalogSeed;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** The catalogue service against the real database: seed, shadowing, versioning, search. */
@XasoIntegrationTest
class ProceduresServiceTests {

	static final String YEN_MO = "14701";
	static final String NGA_AN = "16144";

	@Autowired
	Procedures procedures;

	@Autowired
	CatalogSeed seed;

	@Autowired
	JdbcClient jdbc;

	@Test
	void nationalProceduresAreSeededOnceAndVisibleFromEveryCommune() {
		var birth = procedures.current(YEN_MO, "1.001193").orElseThrow();
		assertThat(birth.name()).isEqualTo("Thủ tục đăng ký khai sinh");
		assertThat(birth.ownerUnit()).isNull();
		assertThat(birth.workflow()).isEqualTo("same-day");
		assertThat(birth.resultTemplate()).isEqualTo("birth-extract");
		assertThat(birth.form().field("childBirthDate")).get().extracting(FormField::notFuture).isEqualTo(true);
		assertThat(procedures.current(null, "1.001193")).contains(birth);
		assertThat(procedures.current(NGA_AN, "1.001193")).contains(birth);

		int before = Tenancy.callAs(UnitScope.systemWide(),
				() -> jdbc.sql("select count(*) from catalog_procedure_version").query(Integer.class).single());
		seed.ensureLoaded();
		int drafts = CatalogSeed.read().size();
		assertThat(procedures.search(null, null, null, 0, 100).total()).isEqualTo(drafts);
		assertThat(drafts).isGreaterThanOrEqualTo(5);
		int after = Tenancy.callAs(UnitScope.systemWide(),
				() -> jdbc.sql("select count(*) from catalog_procedure_version").query(Integer.class).single());
		assertThat(after).isEqualTo(before);
	}

	@Test
	void searchIgnoresDiacriticsAndCase() {
		assertThat(codes(procedures.search(null, "khai sinh", null, 0, 50))).contains("1.001193");
		assertThat(codes(procedures.search(null, "dang ky khai sinh", null, 0, 50))).contains("1.001193")
			.doesNotContain("2.000815");
		assertThat(codes(procedures.search(null, "ĐĂNG KÝ KHAI SINH", null, 0, 50))).contains("1.001193");
		assertThat(codes(procedures.search(YEN_MO, "chung thuc", null, 0, 50))).contains("2.000815", "2.000884");
		assertThat(codes(procedures.search(YEN_MO, null, "chung thuc", 0, 50))).allSatisfy(c -> assertThat(c).startsWith("2."));
		assertThat(procedures.search(YEN_MO, "khai sinh", "Chứng thực", 0, 50).items()).isEmpty();
		assertThat(codes(procedures.search(null, "1.001193", null, 0, 50))).containsExactly("1.001193");
		assertThat(procedures.search(null, "100%_", null, 0, 50).items()).isEmpty();
	}

	@Test
	void searchPages() {
		var first = procedures.search(null, null, null, 0, 2);
		var second = procedures.search(null, null, null, 1, 2);
		assertThat(first.items()).hasSize(2);
		assertThat(first.total()).isGreaterThan(2);
		assertThat(codes(second)).doesNotContainAnyElementsOf(codes(first));
	}

	@Test
	void unknownUnitIsRefusedInVietnamese() {
		assertThatThrownBy(() -> procedures.search("99999", null, null, 0, 10)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("Không có xã, phường nào mang mã \"99999\"");
		assertThatThrownBy(() -> procedures.current("37", "1.001193")).isInstanceOf(CatalogException.class);
	}

	static List<String> codes(PageOf<Procedure> page) {
		var codes = new ArrayList<String>();
		page.items().forEach(p -> codes.add(p.code()));
		return codes;
	}
}
