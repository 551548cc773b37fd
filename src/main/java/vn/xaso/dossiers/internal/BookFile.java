package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.VietnameseText;

/**
 * Reads a tracking book (sổ theo dõi hồ sơ) saved as XLSX: the first sheet, a header row with at least
 * "Mã hồ sơ", "Tên thủ tục", "Tên cá nhân, tổ chức" and "Ngày, giờ nhận" (the columns of XaSo's own export,
 * Mẫu số 06 of Thông tư 01/2018/TT-VPCP), in any order; rows above the header (a title) are skipped.
 */
final class BookFile {

	static final int MAX_ROWS = 5_000;

	/** One line as written in the book, cells as text. */
	record Row(int line, String code, String procedure, String applicant, String received, String due, String handedTo,
			String result, String returned, String note) {
	}

	private BookFile() {
	}

	static List<Row> read(byte[] content) {
		var cells = xlsx(content);
		int header = -1;
		int[] at = null;
		for (int i = 0; i < Math.min(cells.size(), 10) && header < 0; i++) {
			var found = columns(cells.get(i));
			if (found[0] >= 0 && found[1] >= 0 && found[2] >= 0 && found[3] >= 0) {
				header = i;
				at = found;
			}
		}
		if (at == null) {
			throw Texts.refused("file", "dossiers.error.book.header");
		}
		var rows = new ArrayList<Row>();
		for (int i = header + 1; i < cells.size(); i++) {
			var r = cells.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			if (rows.size() >= MAX_ROWS) {
				throw Texts.refused("file", "dossiers.error.book.rows", String.valueOf(MAX_ROWS));
			}
			rows.add(new Row(i + 1, cell(r, at[0]), cell(r, at[1]), cell(r, at[2]), cell(r, at[3]), cell(r, at[4]), cell(r, at[5]),
					cell(r, at[6]), cell(r, at[7]), cell(r, at[8])));
		}
		return rows;
	}

	/** Positions of: code, procedure, applicant, received, due, handed to, result, returned, note (-1 when absent). */
	private static int[] columns(List<String> header) {
		int[] at = { -1, -1, -1, -1, -1, -1, -1, -1, -1 };
		for (int c = 0; c < header.size(); c++) {
			var h = fold(header.get(c));
			int k = h.startsWith("ma ho so") ? 0 : h.startsWith("ten thu tuc") ? 1 : h.startsWith("ten ca nhan") || h.startsWith("nguoi nop") ? 2
					: h.startsWith("ngay, gio nhan") || h.startsWith("ngay nhan") || h.startsWith("ngay gio nhan") ? 3
					: h.startsWith("ngay hen tra") ? 4 : h.startsWith("chuyen cho") ? 5 : h.startsWith("ngay co ket qua") ? 6
					: h.startsWith("ngay tra ket qua") ? 7 : h.startsWith("ghi chu") ? 8 : -1;
			if (k >= 0 && at[k] < 0) {
				at[k] = c;
			}
		}
		return at;
	}

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm");

	/** A date or date-time as a book writes it: 15/03/2026, 15/03/2026 08:30, 2026-03-15, or an Excel serial day. */
	static @Nullable LocalDateTime dateTime(String text) {
		var t = text.strip().replace('-', '/').replace('.', '/');
		if (t.isEmpty()) {
			return null;
		}
		try {
			if (t.matches("[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}.*")) {
				var p = t.split("[/ T]");
				t = p[2] + "/" + p[1] + "/" + p[0] + (p.length > 3 ? " " + p[3] : "");
			}
			if (t.matches("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")) {
				return LocalDate.parse(t, DATE).atStartOfDay();
			}
			if (t.matches("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?")) {
				return LocalDateTime.parse(t.replaceFirst("([0-9]{1,2}:[0-9]{2}):[0-9]{2}$", "$1"), DATE_TIME);
			}
			if (t.matches("[0-9]{5}(/[0-9]+)?")) {
				double serial = Double.parseDouble(text.strip());
				var day = LocalDate.of(1899, 12, 30).plusDays((long) serial);
				long minutes = Math.round((serial - Math.floor(serial)) * 24 * 60);
				return day.atTime(LocalTime.MIDNIGHT.plusMinutes(minutes));
			}
		}
		catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
			throw new IllegalArgumentException(text);
		}
		throw new IllegalArgumentException(text);
	}

	static String fold(@Nullable String s) {
		if (s == null) {
			return "";
		}
		return VietnameseText.searchKey(s);
	}

	private static String cell(List<String> row, int index) {
		return index >= 0 && index < row.size() ? row.get(index).strip() : "";
	}

	private static List<List<String>> xlsx(byte[] content) {
		return vn.xaso.platform.Spreadsheets.firstSheet(content, MAX_ROWS + 20L)
			.orElseThrow(() -> Texts.refused("file", "dossiers.error.book.unreadable"));
	}
}
