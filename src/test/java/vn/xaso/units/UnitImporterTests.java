package vn.xaso.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class UnitImporterTests {

	static final String[] FILES = { "provinces-2025.csv", "communes-2025.csv", "legacy-3tier-2025-03-01.csv",
			"old-to-new-2025.csv" };

	@Autowired
	UnitImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void startupImportedTheShippedUnitsAndASecondImportChangesNothing() {
		assertThat(count("select count(*) from admin_unit where level = 'province'")).isEqualTo(34);
		assertThat(count("select count(*) from admin_unit where level = 'commune'")).isEqualTo(3_321);
		assertThat(count("select count(*) from legacy_unit where level = 'province'")).isEqualTo(63);
		// 696 districts existed; the five island districts without communes are not in the file.
		assertThat(count("select count(*) from legacy_unit where level = 'district'")).isEqualTo(691);
		assertThat(count("select count(*) from legacy_unit where level = 'commune'")).isEqualTo(10_047);
		assertThat(count("select count(*) from unit_succession")).isEqualTo(10_977);

		var report = importer.importShipped();

		assertThat(report.provinces()).isEqualTo(34);
		assertThat(report.communes()).isEqualTo(3_321);
		assertThat(report.legacyProvinces()).isEqualTo(63);
		assertThat(report.legacyDistricts()).isEqualTo(691);
		assertThat(report.legacyCommunes()).isEqualTo(10_047);
		assertThat(report.successions()).isEqualTo(10_977);
		assertThat(report.inserted()).isZero();
		assertThat(report.updated()).isZero();
		assertThat(report.unchanged()).isEqualTo(34 + 3_321 + 63 + 691 + 10_047 + 10_977);
		assertThat(report.describe()).contains("Thêm mới 0").contains("Inserted 0");
	}

	@Autowired
	Units units;

	@Test
	void theTreeInMemoryHoldsWhatTheTablesHoldAndIsReadAgainAfterAnImport() {
		var tree = units.tree();
		assertThat(tree.provinces()).hasSize(34).extracting(Unit::code).isSorted();
		assertThat(tree.communes().values().stream().mapToInt(java.util.Set::size).sum()).isEqualTo(3_321);
		assertThat(tree.communesOf("37")).containsExactlyElementsOf(units.communesOf("37"));
		assertThat(tree.provinceOf("14701")).isEqualTo("37");
		assertThat(tree.provinceOf("37")).isNull();
		assertThat(tree.find("14701")).isEqualTo(units.find("14701"));
		assertThat(units.tree()).isSameAs(tree); // kept, not read again
		importer.importShipped();
		var again = units.tree();
		assertThat(again).isNotSameAs(tree).isEqualTo(tree);
	}

	@Test
	void namesAreStoredWithTypesAndShortNames() {
		var ninhBinh = jdbc.sql("select type || '|' || name || '|' || short_name from admin_unit where code = '37'")
			.query(String.class).single();
		assertThat(ninhBinh).isEqualTo("Tỉnh|Tỉnh Ninh Bình|Ninh Bình");
		var haNoi = jdbc.sql("select type || '|' || name || '|' || short_name from admin_unit where code = '01'")
			.query(String.class).single();
		assertThat(haNoi).isEqualTo("Thành phố|Thành phố Hà Nội|Hà Nội");
		var yenMo = jdbc.sql("select type || '|' || name || '|' || short_name || '|' || parent_code from admin_unit where code = '14701'")
			.query(String.class).single();
		assertThat(yenMo).isEqualTo("Xã|Xã Yên Mô|Yên Mô|37");
	}

	@Test
	void aMalformedFileIsRejectedWithFileAndLineAndChangesNothing(@TempDir Path dir) throws IOException {
		copyShippedTo(dir);
		// A valid change in one file and a broken line in a later one: the valid change must not land either.
		replace(dir.resolve("communes-2025.csv"), "14701,Xã Yên Mô,", "14701,Xã Yên Mô Mới,");
		replace(dir.resolve("old-to-new-2025.csv"), "14722,Xã Yên Hòa,", "1472x,Xã Yên Hòa,");
		int line = lineOf(dir.resolve("old-to-new-2025.csv"), "1472x,");

		assertThatThrownBy(() -> importer.importFrom(dir)).isInstanceOf(UnitImportException.class)
			.hasMessageContaining("old-to-new-2025.csv")
			.hasMessageContaining("dòng " + line)
			.hasMessageContaining("1472x");

		assertThat(jdbc.sql("select name from admin_unit where code = '14701'").query(String.class).single())
			.isEqualTo("Xã Yên Mô");
	}

	@Test
	void aWrongColumnCountOrUnknownProvinceIsRejected(@TempDir Path dir) throws IOException {
		copyShippedTo(dir);
		replace(dir.resolve("communes-2025.csv"), "14701,Xã Yên Mô,Xã,37,Ninh Bình", "14701,Xã Yên Mô,Xã,99,Ninh Bình");
		assertThatThrownBy(() -> importer.importFrom(dir)).hasMessageContaining("communes-2025.csv")
			.hasMessageContaining("tỉnh 99");

		copyShippedTo(dir);
		replace(dir.resolve("old-to-new-2025.csv"), "14722,Xã Yên Hòa,Huyện Yên Mô", "14722,Xã Yên Hòa;Huyện Yên Mô");
		assertThatThrownBy(() -> importer.importFrom(dir)).hasMessageContaining("old-to-new-2025.csv")
			.hasMessageContaining("cần 7 cột");
	}

	@Test
	void anUpdatedNameIsReportedAsOneUpdate(@TempDir Path dir) throws IOException {
		copyShippedTo(dir);
		replace(dir.resolve("legacy-3tier-2025-03-01.csv"), ",14722,Xã Yên Hòa,Xã", ",14722,Xã Yên Hoà Thử,Xã");
		try {
			var report = importer.importFrom(dir);
			assertThat(report.updated()).isEqualTo(1);
			assertThat(report.inserted()).isZero();
		}
		finally {
			assertThat(importer.importShipped().updated()).isEqualTo(1);
		}
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private static void copyShippedTo(Path dir) throws IOException {
		for (var file : FILES) {
			try (var in = new ClassPathResource("units/" + file).getInputStream()) {
				Files.copy(in, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static void replace(Path file, String from, String to) throws IOException {
		var text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).contains(from);
		Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
	}

	private static int lineOf(Path file, String start) throws IOException {
		var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(start)) {
				return i + 1;
			}
		}
		throw new AssertionError(start);
	}
}
