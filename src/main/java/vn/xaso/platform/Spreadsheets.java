package vn.xaso.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Reads the first sheet of an uploaded XLSX file as rows of cell texts (empty string for an empty
 * cell), at most {@code maxRows} rows. Each import (officials, province onboarding, tracking book)
 * keeps its own columns and its own Vietnamese message for a file that cannot be read.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/** The rows, or empty when the bytes are not a readable XLSX workbook. */
	public static Optional<List<List<String>>> firstSheet(byte[] content, long maxRows) {
		var rows = new ArrayList<List<String>>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
				var stream = workbook.getFirstSheet().openStream()) {
			stream.limit(maxRows).forEach(row -> {
				var cells = new ArrayList<String>();
				for (int c = 0; c < row.getCellCount(); c++) {
					var text = row.getCellText(c);
					cells.add(text == null ? "" : text);
				}
				rows.add(cells);
			});
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
		return Optional.of(rows);
	}

	/**
	 * RFC 4180 CSV text (comma or semicolon, chosen from the header line; quotes doubled inside quoted
	 * cells; a UTF-8 byte-order mark dropped) as rows of cell texts, at most {@code maxRows} rows.
	 */
	public static List<List<String>> csv(String text, long maxRows) {
		text = text.replace("\uFEFF", "");
		var firstLine = text.lines().findFirst().orElse("");
		char sep = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
		var rows = new ArrayList<List<String>>();
		var row = new ArrayList<String>();
		var cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length() && rows.size() < maxRows; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == sep) {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if ((cell.length() > 0 || !row.isEmpty()) && rows.size() < maxRows) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}
}
