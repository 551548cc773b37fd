package vn.xaso.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * The household import as the administrator uses it: an XLSX of 5,000 households with 20 bad rows of six
 * kinds. The dry run names each bad row in Vietnamese and saves nothing; the import saves the 4,980 good rows.
 */
@XasoIntegrationTest
class CommunityImportTests {

	static final List<String> HEADER = List.of("Thôn", "Họ tên chủ hộ", "Năm sinh", "CCCD", "Số điện thoại", "Địa chỉ",
			"Thành viên", "Nội dung đồng ý", "Ngày đồng ý", "Người cao tuổi sống một mình", "Khuyết tật", "Hộ nghèo");

	@LocalServerPort int port;
	@Autowired Villages villages;
	@Autowired ReadingHouseholds reading;

	@Test
	void aDryRunNamesEachBadRowAndTheImportSavesTheGoodRowsOnly() throws IOException {
		var tag = String.format("%03d", System.nanoTime() % 1000);
		var village = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> villages.create(DemoData.YEN_MO, "Nhập Thử " + tag, "Thôn"));
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
		var rows = new ArrayList<List<String>>();
		var expectedBad = new TreeSet<Integer>();
		for (int i = 0; i < 5000; i++) {
			var row = new ArrayList<>(List.of(village.fullName(), "Hộ Thử Số " + i, String.valueOf(1940 + i % 60), "",
					String.format("08%s%05d", tag, i), "Xóm " + (i % 7), "", "Họ tên, năm sinh, điện thoại", today, i % 11 == 0 ? "x" : "", "", ""));
			if (i % 250 == 17) { // 20 bad rows, six kinds
				switch ((i / 250) % 6) {
					case 0 -> row.set(7, ""); // no consent
					case 1 -> row.set(2, "19x0"); // bad year
					case 2 -> row.set(0, "Thôn Không Có " + tag); // unknown village
					case 3 -> row.set(4, "12345"); // bad phone
					case 4 -> row.set(4, rows.get(i - 1).get(4)); // same phone as the row above
					default -> row.set(3, "12345"); // bad CCCD
				}
				expectedBad.add(i + 2); // header is row 1
			}
			rows.add(row);
		}
		assertThat(expectedBad).hasSize(20);
		var file = xlsx(rows);
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);

		var check = admin.upload("/community/import", Map.of("mode", "check"), "file", "ho-gia-dinh.xlsx", file);
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(badLines(check.body())).isEqualTo(expectedBad);
		assertThat(check.body()).contains("Không có thôn", "Số điện thoại gồm 10 chữ số", "Hãy ghi hộ đồng ý",
				"Năm sinh của chủ hộ", "đã có ở một dòng trên", "Số CCCD gồm 12 chữ số");
		assertThat(count(village.id())).isZero();

		var save = admin.upload("/community/import", Map.of("mode", "save"), "file", "ho-gia-dinh.xlsx", file);
		assertThat(save.statusCode()).isEqualTo(200);
		assertThat(save.body()).contains("Đã lưu 4.980 hộ");
		assertThat(badLines(save.body())).isEqualTo(expectedBad);
		assertThat(count(village.id())).isEqualTo(4980);
	}

	static TreeSet<Integer> badLines(String html) {
		var lines = new TreeSet<Integer>();
		var m = Pattern.compile("<li>Dòng ([0-9.]+):").matcher(html);
		while (m.find()) {
			lines.add(Integer.parseInt(m.group(1).replace(".", "")));
		}
		return lines;
	}

	long count(long villageId) {
		var admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> reading.list(admin, villageId, "", 0, 1).total());
	}

	static byte[] xlsx(List<List<String>> rows) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var wb = new Workbook(out, "Test", "1.0")) {
			var ws = wb.newWorksheet("Hộ gia đình");
			for (int c = 0; c < HEADER.size(); c++) {
				ws.value(0, c, HEADER.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					ws.value(r + 1, c, rows.get(r).get(c));
				}
			}
		}
		return out.toByteArray();
	}
}
