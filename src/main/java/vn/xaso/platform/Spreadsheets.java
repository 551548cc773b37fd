package vn.xaso.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
	 * RFC 4180 CSV text (comma or semicolon, chosen from the header line — spreadsheet programs set to Vietnamese
	 * save with semicolons; quotes doubled inside quoted cells; a UTF-8 byte-order mark dropped) as rows of cell
	 * texts, at most {@code maxRows} rows, read with Apache Commons CSV. Lenient like a spreadsheet program: an
	 * unclosed quote runs to the end of the file, text after a closing quote is kept.
	 */
	public static List<List<String>> csv(String text, long maxRows) {
		text = text.replace("\uFEFF", "");
		var firstLine = text.lines().findFirst().orElse("");
		char sep = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
		var format = CSVFormat.RFC4180.builder().setDelimiter(sep).setLenientEof(true).setTrailingData(true).get();
		var rows = new ArrayList<List<String>>();
		try (var parser = CSVParser.parse(text, format)) {
			for (CSVRecord record : parser) {
				if (rows.size() >= maxRows) {
					break;
				}
				rows.add(record.toList());
			}
		}
		catch (IOException | UncheckedIOException e) {
			// Reading from a String: only malformed quoting gets here; the rows read so far are returned.
		}
		return rows;
	}
}
