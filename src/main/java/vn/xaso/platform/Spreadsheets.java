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
}
