package vn.xaso.units.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.xaso.units.UnitImportException;

/**
 * The units data set's CSV files read strictly with Apache Commons CSV (RFC 4180, UTF-8, NFC), keeping the
 * file name and line numbers for the import's messages.
 */
final class Csv {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	record Row(String file, int line, List<String> fields) {

		String get(int i) {
			return fields.get(i);
		}

		UnitImportException error(String message) {
			return new UnitImportException("Tệp " + file + ", dòng " + line + ": " + message);
		}
	}

	private Csv() {
	}

	/** Reads all data rows, checking the header and the number of columns of every line. */
	static List<Row> read(String file, InputStream in, List<String> header) {
		String text;
		try (in) {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes())).toString();
		}
		catch (CharacterCodingException e) {
			throw new UnitImportException("Tệp " + file + " không phải UTF-8", e);
		}
		catch (IOException e) {
			throw new UnitImportException("Không đọc được tệp " + file + ": " + e.getMessage(), e);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			throw new UnitImportException("Tệp " + file + " rỗng");
		}
		var lineStarts = lineStarts(text);
		var rows = new ArrayList<Row>();
		try (var parser = CSVParser.parse(text, FORMAT)) {
			boolean first = true;
			for (CSVRecord record : parser) {
				var row = new Row(file, lineOf(lineStarts, record.getCharacterPosition()), record.stream().map(Csv::clean).toList());
				if (first) {
					first = false;
					if (!row.fields().equals(header)) {
						throw row.error("tiêu đề phải là " + String.join(",", header) + " nhưng là " + String.join(",", row.fields()));
					}
					continue;
				}
				if (row.fields().size() != header.size()) {
					throw row.error("cần " + header.size() + " cột nhưng có " + row.fields().size());
				}
				rows.add(row);
			}
		}
		catch (IOException | UncheckedIOException e) {
			// Commons CSV reports an unclosed quote or text after a closing quote with the line it reached.
			throw new UnitImportException("Tệp " + file + ": dấu ngoặc kép không được đóng hoặc sai chỗ (" + e.getMessage() + ")", e);
		}
		return rows;
	}

	private static int[] lineStarts(String text) {
		var starts = new ArrayList<Integer>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The 1-based line of a character position. */
	private static int lineOf(int[] lineStarts, long position) {
		int found = Arrays.binarySearch(lineStarts, (int) position);
		return (found >= 0 ? found : -found - 2) + 1;
	}

	private static String clean(String field) {
		return Normalizer.normalize(field.strip(), Normalizer.Form.NFC);
	}
}
