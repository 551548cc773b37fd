package vn.xaso.units.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import vn.xaso.units.UnitImportException;

/** A small strict CSV reader (RFC 4180 quoting, UTF-8, NFC) that knows its file name and line numbers. */
final class Csv {

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
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var rows = new ArrayList<Row>();
		try (var reader = new BufferedReader(new InputStreamReader(in, decoder))) {
			String text;
			int line = 0;
			while ((text = reader.readLine()) != null) {
				line++;
				if (line == 1 && text.startsWith("\uFEFF")) {
					text = text.substring(1);
				}
				if (text.isBlank()) {
					continue;
				}
				var row = new Row(file, line, split(file, line, text));
				if (line == 1) {
					if (!row.fields().equals(header)) {
						throw row.error("tiêu đề phải là " + String.join(",", header) + " nhưng là " + text);
					}
					continue;
				}
				if (row.fields().size() != header.size()) {
					throw row.error("cần " + header.size() + " cột nhưng có " + row.fields().size());
				}
				rows.add(row);
			}
			if (line == 0) {
				throw new UnitImportException("Tệp " + file + " rỗng");
			}
		}
		catch (CharacterCodingException e) {
			throw new UnitImportException("Tệp " + file + " không phải UTF-8", e);
		}
		catch (IOException e) {
			throw new UnitImportException("Không đọc được tệp " + file + ": " + e.getMessage(), e);
		}
		return rows;
	}

	private static List<String> split(String file, int line, String text) {
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(clean(field));
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new UnitImportException("Tệp " + file + ", dòng " + line + ": dấu ngoặc kép không được đóng");
		}
		fields.add(clean(field));
		return fields;
	}

	private static String clean(CharSequence field) {
		return Normalizer.normalize(field.toString().strip(), Normalizer.Form.NFC);
	}
}
