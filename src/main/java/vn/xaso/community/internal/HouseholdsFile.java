package vn.xaso.community.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.xaso.community.CommunityException;
import vn.xaso.platform.Spreadsheets;

/**
 * Reads the household list a commune keeps (CSV or XLSX, first sheet) with a header row, columns in any
 * order, with or without diacritics: Thôn, Họ tên chủ hộ, Năm sinh, CCCD, Số điện thoại, Địa chỉ,
 * Thành viên, Nội dung đồng ý, Ngày đồng ý, Người cao tuổi sống một mình, Khuyết tật, Hộ nghèo
 * (the last three "x", "có" or empty).
 */
final class HouseholdsFile {

	static final int MAX_ROWS = 10_000;

	/** One household as read; {@code line} is the row number a person sees in the spreadsheet. */
	record Row(int line, String village, String headName, String birthYear, String cccd, String phone, String address,
			String members, String consentWhat, String consentOn, boolean elderlyAlone, boolean disability, boolean poor) {
	}

	private HouseholdsFile() {
	}

	static List<Row> read(@Nullable String filename, byte[] content) {
		if (content.length == 0) {
			throw new CommunityException("file", "community.import.noFile");
		}
		var name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		List<List<String>> cells;
		if (name.endsWith(".xlsx")) {
			cells = Spreadsheets.firstSheet(content, MAX_ROWS + 2L)
				.orElseThrow(() -> new CommunityException("file", "community.import.unreadable"));
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			cells = Spreadsheets.csv(new String(content, StandardCharsets.UTF_8), MAX_ROWS + 2L);
		}
		else {
			throw new CommunityException("file", "community.import.kind");
		}
		if (cells.isEmpty()) {
			throw new CommunityException("file", "community.import.empty");
		}
		var header = cells.get(0).stream().map(HouseholdsFile::fold).toList();
		int village = column(header, "thon", "xom", "ban", "to dan pho", "ap", "khu pho");
		int head = column(header, "ho ten chu ho", "chu ho", "ho va ten", "ho ten");
		int year = column(header, "nam sinh");
		int cccd = column(header, "cccd", "so cccd", "can cuoc");
		int phone = column(header, "so dien thoai", "dien thoai");
		int address = column(header, "dia chi");
		int members = column(header, "thanh vien");
		int consent = column(header, "noi dung dong y", "dong y");
		int consentOn = column(header, "ngay dong y");
		int elderly = column(header, "nguoi cao tuoi");
		int disability = column(header, "khuyet tat");
		int poor = column(header, "ho ngheo");
		if (village < 0 || head < 0 || year < 0 || address < 0 || consent < 0 || consentOn < 0) {
			throw new CommunityException("file", "community.import.header");
		}
		var rows = new ArrayList<Row>();
		for (int i = 1; i < cells.size(); i++) {
			var r = cells.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			rows.add(new Row(i + 1, cell(r, village), cell(r, head), cell(r, year), cell(r, cccd), cell(r, phone),
					cell(r, address), cell(r, members), cell(r, consent), cell(r, consentOn), yes(cell(r, elderly)),
					yes(cell(r, disability)), yes(cell(r, poor))));
		}
		if (rows.isEmpty()) {
			throw new CommunityException("file", "community.import.empty");
		}
		if (rows.size() > MAX_ROWS) {
			throw new CommunityException("file", "community.import.tooMany", MAX_ROWS);
		}
		return rows;
	}

	static String fold(@Nullable String s) {
		if (s == null) {
			return "";
		}
		var n = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	private static boolean yes(String s) {
		var f = fold(s);
		return f.equals("x") || f.equals("co") || f.equals("1") || f.equals("yes");
	}

	private static int column(List<String> header, String... names) {
		for (var n : names) {
			for (int i = 0; i < header.size(); i++) {
				if (header.get(i).equals(n)) {
					return i;
				}
			}
		}
		for (var n : names) {
			for (int i = 0; i < header.size(); i++) {
				if (header.get(i).startsWith(n)) {
					return i;
				}
			}
		}
		return -1;
	}

	private static String cell(List<String> row, int index) {
		return index >= 0 && index < row.size() ? row.get(index).strip() : "";
	}
}
