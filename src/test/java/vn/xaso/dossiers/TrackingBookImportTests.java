package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.dossiers.internal.TrackingBookImport;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * Carrying over the paper tracking book of the current year from XLSX: the dry run lists each row's
 * problems in Vietnamese and writes nothing; the import takes all rows or none, counts them in the year's
 * figures, keeps them read-only, and importing the same book again adds nothing.
 */
@XasoIntegrationTest
class TrackingBookImportTests {

	static final List<String> HEADER = List.of("STT", "Mã hồ sơ", "Tên thủ tục", "Tên cá nhân, tổ chức", "Ngày, giờ nhận",
			"Ngày hẹn trả", "Chuyển cho (người xử lý)", "Ngày có kết quả", "Ngày trả kết quả", "Ghi chú");

	@Autowired TrackingBookImport book;
	@Autowired Dossiers dossiers;
	@Autowired Units units;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;

	String unit;
	Caller admin;
	int year;
	String prefix;

	@BeforeEach
	void aCommuneGoingLiveMidYear() {
		var candidates = units.searchCommunes("thanh", 200).stream().map(u -> u.code())
			.filter(c -> !c.equals("14701") && !c.equals("16144")).toList();
		unit = candidates.get((int) (System.nanoTime() % Math.min(80, candidates.size())));
		admin = Caller.official(unit, "quantri.so", "Phạm Thị Hương", Set.of(Role.ADMIN));
		year = book.year();
		prefix = "SO-" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
	}

	@Test
	void aDryRunListsRowErrorsInVietnameseAndWritesNothing() throws IOException {
		var before = stats();
		var file = xlsx(List.of(
				row(1, prefix + "1", "Đăng ký khai sinh", "Nguyễn Văn An", "05/01/" + year + " 08:15", "05/01/" + year, "", "05/01/" + year, "06/01/" + year),
				row(2, "", "Đăng ký kết hôn", "", "ngày mai", "", "", "", ""),
				row(3, prefix + "1", "Chứng thực bản sao", "Lê Thị Bình", "20/12/" + (year - 1), "", "", "", ""),
				row(4, prefix + "4", "Đăng ký tạm trú", "Trần Văn Cường", "10/02/" + year, "08/02/" + year, "", "", "12/02/" + year)));
		var checked = book.check(admin, file);
		assertThat(checked.rows()).hasSize(4);
		assertThat(checked.rows().get(0).ok()).isTrue();
		assertThat(checked.rows().get(0).line()).as("the title and header lines come first").isEqualTo(3);
		assertThat(String.join(" ", checked.rows().get(1).problems()))
			.contains("Thiếu mã hồ sơ", "Thiếu tên người nộp", "Không hiểu ngày nhận \"ngày mai\"");
		assertThat(String.join(" ", checked.rows().get(2).problems())).contains("bị trùng với dòng 3", "không thuộc năm " + year);
		assertThat(String.join(" ", checked.rows().get(3).problems()))
			.contains("Ngày hẹn trả trước ngày nhận", "thiếu ngày có kết quả");
		assertThat(checked.wrong()).isEqualTo(3);
		assertThatThrownBy(() -> book.importBook(admin, file)).isInstanceOf(DossierException.class)
			.hasMessageContaining("3 dòng có lỗi");
		assertThat(book.count(admin)).isZero();
		assertThat(stats()).isEqualTo(before);

		var notExcel = "Mã hồ sơ;Tên thủ tục".getBytes();
		assertThatThrownBy(() -> book.check(admin, notExcel)).isInstanceOf(DossierException.class)
			.hasMessageContaining("Không đọc được tệp Excel");
		var official = Caller.official(unit, "motcua", "Một Cửa", Set.of(Role.ONE_STOP));
		assertThatThrownBy(() -> book.check(official, file)).isInstanceOf(DossierException.class)
			.hasMessageContaining("Chỉ quản trị viên");
	}

	@Test
	void importedRowsCountInTheYearFiguresOnceAndStayReadOnly() throws IOException {
		var before = stats();
		var file = xlsx(List.of(
				row(1, prefix + "1", "Đăng ký khai sinh", "Nguyễn Văn An", "05/01/" + year + " 08:15", "05/01/" + year, "Cán bộ tư pháp", "05/01/" + year, "06/01/" + year),
				row(2, prefix + "2", "Chứng thực bản sao", "Lê Thị Bình", "03/02/" + year, "04/02/" + year, "", "06/02/" + year, ""),
				row(3, prefix + "3", "Đăng ký tạm trú", "Trần Văn Cường", year + "-02-10", "", "", "", "")));
		var checked = book.check(admin, file);
		assertThat(checked.wrong()).isZero();
		assertThat(checked.fresh()).isEqualTo(3);

		assertThat(book.importBook(admin, file)).isEqualTo(3);
		var after = stats();
		assertThat(after.total() - before.total()).isEqualTo(3);
		assertThat(after.finished() - before.finished()).isEqualTo(2);
		assertThat(after.onTime() - before.onTime()).as("only the first had its result by the due date").isEqualTo(1);
		assertThat(after.online()).isEqualTo(before.online());
		assertThat(book.count(admin)).isEqualTo(3);
		assertThat(book.entries(admin, 10)).extracting(e -> e.code()).containsExactly(prefix + "3", prefix + "2", prefix + "1");

		// The same book again: the dry run says they are there already, the import adds nothing.
		var again = book.check(admin, file);
		assertThat(again.fresh()).isZero();
		assertThat(again.already()).isEqualTo(3);
		assertThat(book.importBook(admin, file)).isZero();
		assertThat(stats()).isEqualTo(after);

		// Read-only: the application's database role may not change an imported line.
		assertThatThrownBy(() -> inUnit(() -> jdbc.sql("update dossier_book_entry set applicant_name = 'X' where unit_code = ?")
			.param(unit).update())).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> inUnit(() -> jdbc.sql("delete from dossier_book_entry where unit_code = ?").param(unit).update()))
			.rootCause().hasMessageContaining("permission denied");
		// Another commune does not see them.
		var other = Caller.official("14701", "yenmo.admin", "Phạm Thị Hương", Set.of(Role.ADMIN));
		assertThat(book.entries(other, 50)).noneMatch(e -> e.code().startsWith(prefix));
	}

	private DossierStats stats() {
		return inUnit(() -> dossiers.stats(unit, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
	}

	private <T> T inUnit(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unit), () -> new TransactionTemplate(transactions).execute(s -> work.get()));
	}

	private static List<String> row(int n, String code, String procedure, String applicant, String received, String due,
			String handedTo, String result, String returned) {
		return List.of(Integer.toString(n), code, procedure, applicant, received, due, handedTo, result, returned, "");
	}

	/** A book as a commune keeps it in Excel: a title line, the header, then the lines as text. */
	static byte[] xlsx(List<List<String>> rows) throws IOException {
		var out = new ByteArrayOutputStream();
		try (var wb = new Workbook(out, "Test", "1.0")) {
			var ws = wb.newWorksheet("Sổ theo dõi");
			ws.value(0, 0, "SỔ THEO DÕI HỒ SƠ");
			for (int c = 0; c < HEADER.size(); c++) {
				ws.value(1, c, HEADER.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					ws.value(r + 2, c, rows.get(r).get(c));
				}
			}
		}
		return out.toByteArray();
	}
}
