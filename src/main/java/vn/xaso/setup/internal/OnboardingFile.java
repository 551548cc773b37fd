package vn.xaso.setup.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The province's onboarding spreadsheet (CSV, comma or semicolon, UTF-8; or XLSX): a header row with
 * <em>Mã xã, Mã cơ quan một cửa, Họ và tên quản trị, Số điện thoại</em> and optionally <em>Thư điện tử</em>,
 * then one commune a row.
 */
public final class OnboardingFile {

	public static final int MAX_ROWS = 200;

	/** One row as written (trimmed). */
	public record Row(int line, String communeCode, String agencyCode, String adminName, String phone, String email) {
	}

	private OnboardingFile() {
	}

	/** Reads the rows; throws {@link SetupException} (field "file") for a file that cannot be read at all. */
	public static List<Row> read(@Nullable String filename, byte[] content) {
		if (content.length == 0) {
			throw SetupException.of("file", "setup.error.communesFileMissing");
		}
		var name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		List<List<String>> cells;
		if (name.endsWith(".xlsx")) {
			cells = xlsx(content);
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			cells = OfficialsFile.csv(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", ""));
		}
		else {
			throw SetupException.of("file", "setup.error.csvOrXlsx");
		}
		if (cells.isEmpty()) {
			throw SetupException.of("file", "setup.error.fileEmpty");
		}
		var header = cells.get(0).stream().map(OfficialsFile::fold).toList();
		int commune = column(header, "ma xa", "ma don vi");
		int agency = column(header, "ma co quan", "ma mot cua");
		int admin = column(header, "ho va ten", "ho ten", "nguoi quan tri", "quan tri");
		int phone = column(header, "so dien thoai", "dien thoai");
		int email = column(header, "thu dien tu", "email", "e-mail");
		if (commune < 0 || agency < 0 || admin < 0 || phone < 0) {
			throw SetupException.of("file", "setup.error.communesHeader");
		}
		var rows = new ArrayList<Row>();
		for (int i = 1; i < cells.size(); i++) {
			var r = cells.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			rows.add(new Row(i + 1, cell(r, commune), cell(r, agency), cell(r, admin), cell(r, phone), cell(r, email)));
		}
		if (rows.isEmpty()) {
			throw SetupException.of("file", "setup.error.noCommunes");
		}
		if (rows.size() > MAX_ROWS) {
			throw SetupException.of("file", "setup.error.tooManyCommunes", String.valueOf(MAX_ROWS), String.valueOf(rows.size()));
		}
		return rows;
	}

	private static int column(List<String> header, String... names) {
		for (var n : names) {
			for (int i = 0; i < header.size(); i++) {
				if (header.get(i).equals(n) || header.get(i).startsWith(n)) {
					return i;
				}
			}
		}
		return -1;
	}

	private static String cell(List<String> row, int index) {
		return index >= 0 && index < row.size() ? row.get(index).strip() : "";
	}

	private static List<List<String>> xlsx(byte[] content) {
		return vn.xaso.platform.Spreadsheets.firstSheet(content, MAX_ROWS + 2L)
			.orElseThrow(() -> SetupException.of("file", "setup.error.excelUnreadable"));
	}
}
