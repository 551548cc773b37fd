package vn.xaso.setup.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.Role;
import vn.xaso.platform.VietnameseText;

/**
 * Reads the officials list a commune already keeps (CSV or XLSX, first sheet) with a header row:
 * Họ và tên, Tên đăng nhập, Số điện thoại, Vai trò, Chức vụ (any order, with or without diacritics).
 * Roles are written in plain words ("một cửa", "lãnh đạo"…), several separated by ";" or ",".
 */
public final class OfficialsFile {

	public static final int MAX_ROWS = 200;

	/** One official as read; {@code line} is the spreadsheet row number a person sees. */
	public record Row(int line, String fullName, String username, String phone, String roleWords, String title) {

		String toLine() {
			return String.join("\t", clean(fullName), clean(username), clean(phone), clean(roleWords), clean(title));
		}

		static Row fromLine(int line, String text) {
			var parts = text.split("\t", -1);
			return new Row(line, parts[0], parts[1], parts[2], parts[3], parts.length > 4 ? parts[4] : "");
		}

		private static String clean(String s) {
			return s.replace('\t', ' ').replace('\n', ' ');
		}
	}

	/** Plain descriptions of the roles an official can be given here, and the words that select them. */
	public static final Map<Role, List<String>> ROLE_WORDS = new LinkedHashMap<>();
	static {
		ROLE_WORDS.put(Role.LEADER, List.of("lanh dao", "chu tich", "pho chu tich"));
		ROLE_WORDS.put(Role.ONE_STOP, List.of("mot cua", "tiep nhan"));
		ROLE_WORDS.put(Role.SPECIALIST, List.of("chuyen mon", "cong chuc chuyen mon", "tu phap", "dia chinh"));
		ROLE_WORDS.put(Role.CLERK, List.of("van thu"));
		ROLE_WORDS.put(Role.COMMUNITY_TEAM, List.of("to cong nghe", "cong nghe so", "to cong nghe so cong dong"));
		ROLE_WORDS.put(Role.ADMIN, List.of("quan tri"));
	}

	private OfficialsFile() {
	}

	/** Reads the rows; throws {@link SetupException} for a file that cannot be read at all. */
	public static List<Row> read(@Nullable String filename, byte[] content) {
		if (content.length == 0) {
			throw SetupException.of("file", "setup.error.officialsFileMissing");
		}
		var name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		List<List<String>> cells;
		if (name.endsWith(".xlsx")) {
			cells = xlsx(content);
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			cells = csv(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", ""));
		}
		else {
			throw SetupException.of("file", "setup.error.csvOrXlsx");
		}
		if (cells.isEmpty()) {
			throw SetupException.of("file", "setup.error.fileEmpty");
		}
		var header = cells.get(0).stream().map(OfficialsFile::fold).toList();
		int name1 = column(header, "ho va ten", "ho ten");
		int user = column(header, "ten dang nhap");
		int phone = column(header, "so dien thoai", "dien thoai");
		int roles = column(header, "vai tro");
		int title = column(header, "chuc vu");
		if (name1 < 0 || user < 0 || roles < 0) {
			throw SetupException.of("file", "setup.error.officialsHeader");
		}
		var rows = new ArrayList<Row>();
		for (int i = 1; i < cells.size(); i++) {
			var r = cells.get(i);
			if (r.stream().allMatch(String::isBlank)) {
				continue;
			}
			rows.add(new Row(i + 1, cell(r, name1), cell(r, user), cell(r, phone), cell(r, roles), cell(r, title)));
		}
		if (rows.isEmpty()) {
			throw SetupException.of("file", "setup.error.noOfficials");
		}
		if (rows.size() > MAX_ROWS) {
			throw SetupException.of("file", "setup.error.tooManyOfficials", String.valueOf(MAX_ROWS), String.valueOf(rows.size()));
		}
		return rows;
	}

	/** The roles named in plain words, or an error message. */
	public static Set<Role> roles(String words) {
		var result = EnumSet.noneOf(Role.class);
		for (var part : words.split("[;,/]")) {
			var folded = fold(part);
			if (folded.isEmpty()) {
				continue;
			}
			Role found = null;
			for (var e : ROLE_WORDS.entrySet()) {
				if (e.getValue().stream().anyMatch(folded::contains)) {
					found = e.getKey();
					break;
				}
			}
			if (found == null) {
				throw SetupException.of("roles", "setup.error.roleUnknown", part.strip());
			}
			result.add(found);
		}
		if (result.isEmpty()) {
			throw SetupException.of("roles", "setup.error.roleMissing");
		}
		return result;
	}

	public static String fold(@Nullable String s) {
		if (s == null) {
			return "";
		}
		return VietnameseText.searchKey(s);
	}

	private static int column(List<String> header, String... names) {
		for (int i = 0; i < header.size(); i++) {
			for (var n : names) {
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

	/** RFC 4180 CSV through the platform's reader: at most one row past the limit, so "too many rows" can be told. */
	static List<List<String>> csv(String text) {
		return vn.xaso.platform.Spreadsheets.csv(text, MAX_ROWS + 2);
	}
}
