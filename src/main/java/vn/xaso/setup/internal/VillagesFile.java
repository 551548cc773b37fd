package vn.xaso.setup.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads the list of villages and residential groups a commune already keeps (XLSX first sheet, CSV or plain text):
 * one a row, the name in the first filled cell — or in the second when the first is a row number (an "STT"
 * column). A header row ("Tên thôn", "Thôn, tổ dân phố", "STT") is skipped.
 */
final class VillagesFile {

	static final int MAX_ROWS = 300;

	private VillagesFile() {
	}

	static List<String> read(@Nullable String filename, byte[] content) {
		if (content.length == 0) {
			return List.of();
		}
		var name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		List<List<String>> cells;
		if (name.endsWith(".xlsx")) {
			cells = vn.xaso.platform.Spreadsheets.firstSheet(content, MAX_ROWS + 2L).orElseThrow(() -> SetupException.of("villagesFile", "setup.error.villagesExcelUnreadable"));
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			cells = vn.xaso.platform.Spreadsheets.csv(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", ""), MAX_ROWS + 2);
		}
		else {
			throw SetupException.of("villagesFile", "setup.error.villagesFileKind");
		}
		var names = new ArrayList<String>();
		for (var row : cells) {
			var cellsOfRow = row.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
			if (cellsOfRow.isEmpty()) {
				continue;
			}
			var first = cellsOfRow.get(0);
			var value = first.matches("[0-9]{1,4}\\.?") && cellsOfRow.size() > 1 ? cellsOfRow.get(1) : first;
			if (names.isEmpty() && header(value)) {
				continue;
			}
			names.add(value);
		}
		if (names.size() > MAX_ROWS) {
			throw SetupException.of("villagesFile", "setup.error.tooManyVillagesInFile", String.valueOf(MAX_ROWS), String.valueOf(names.size()));
		}
		return names;
	}

	private static boolean header(String cell) {
		var folded = OfficialsFile.fold(cell);
		return folded.equals("stt") || folded.startsWith("ten thon") || folded.startsWith("ten to dan pho")
				|| folded.startsWith("thon, to dan pho") || folded.startsWith("thon/to dan pho") || folded.equals("ten")
				|| folded.equals("thon") || folded.equals("danh sach thon");
	}
}
