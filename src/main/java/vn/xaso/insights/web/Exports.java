package vn.xaso.insights.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;

import vn.xaso.insights.IndicatorValue;

/** Tables of indicator values as CSV and XLSX. Aggregates only: nothing personal is in them. */
final class Exports {

	private Exports() {
	}

	/** The export's texts from the insights bundle ({@code insights.export.*}): the files are written in Vietnamese in both languages. */
	static String vi(String key, Object... args) {
		return vn.xaso.platform.Refusal.bundleText("i18n/insights", key, args);
	}

	private static String[] columns(String... names) {
		return java.util.Arrays.stream(names).map(n -> vi("insights.export.col." + n)).toArray(String[]::new);
	}

	static final String[] HEADER_VI = columns("code", "indicator", "pillar", "unitOfMeasure", "numerator", "denominator", "value", "from",
			"to", "unit", "source");

	static byte[] csv(List<IndicatorValue> rows, boolean withoutBom) {
		var out = new StringBuilder(withoutBom ? "" : "\uFEFF");
		out.append(String.join(",", HEADER_VI)).append("\r\n");
		for (var v : rows) {
			var i = v.indicator();
			out.append(String.join(",", cell(i.code()), cell(i.nameVi()), cell(i.pillar().name()), cell(i.unit()),
					cell(plain(v.numerator())), cell(v.denominator() == null ? "" : plain(v.denominator())),
					cell(v.value() == null ? "" : plain(v.value())), cell(v.from().toString()), cell(v.to().toString()),
					cell(v.unitCode()), cell(i.source()))).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(String unitName, LocalDate from, LocalDate to, List<IndicatorValue> rows) {
		var bytes = new ByteArrayOutputStream();
		try (var workbook = new Workbook(bytes, "XaSo", "1.0")) {
			var sheet = workbook.newWorksheet(vi("insights.export.sheet.values"));
			sheet.value(0, 0, vi("insights.export.valuesTitle", unitName, from.toString(), to.toString()));
			sheet.style(0, 0).bold().set();
			for (int c = 0; c < HEADER_VI.length; c++) {
				sheet.value(2, c, HEADER_VI[c]);
				sheet.style(2, c).bold().fillColor("DDEBF7").set();
			}
			int r = 3;
			for (var v : rows) {
				var i = v.indicator();
				sheet.value(r, 0, i.code());
				sheet.value(r, 1, i.nameVi());
				sheet.value(r, 2, i.pillar().name());
				sheet.value(r, 3, i.unit());
				sheet.value(r, 4, v.numerator());
				if (v.denominator() != null) {
					sheet.value(r, 5, v.denominator());
				}
				if (v.value() != null) {
					sheet.value(r, 6, v.value());
				}
				sheet.value(r, 7, v.from().toString());
				sheet.value(r, 8, v.to().toString());
				sheet.value(r, 9, v.unitCode());
				sheet.value(r, 10, i.source());
				r++;
			}
			sheet.width(1, 45);
			sheet.width(10, 60);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static final String[] RANKING_VI = columns("rank", "unitCode", "unit", "numerator", "denominator", "value");

	static final String[] TREND_VI = columns("month", "from", "to", "numerator", "denominator", "value");

	/** A ranking (of communes or provinces) as CSV: units without a figure have an empty rank. */
	static byte[] rankingCsv(List<vn.xaso.insights.Indicators.Ranked> rows) {
		var out = new StringBuilder("\uFEFF");
		out.append(String.join(",", RANKING_VI)).append("\r\n");
		for (var r : rows) {
			var v = r.value();
			out.append(String.join(",", cell(r.rank() == 0 ? "" : String.valueOf(r.rank())), cell(r.unit().code()),
					cell(r.unit().name()), cell(plain(v.numerator())), cell(v.denominator() == null ? "" : plain(v.denominator())),
					cell(v.value() == null ? "" : plain(v.value())))).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] rankingXlsx(String title, vn.xaso.insights.Indicator indicator, LocalDate from, LocalDate to,
			List<vn.xaso.insights.Indicators.Ranked> rows) {
		return table(title, vi("insights.export.sheet.ranking"), RANKING_VI, rows.size(), (sheet, r, i) -> {
			var row = rows.get(i);
			var v = row.value();
			if (row.rank() > 0) {
				sheet.value(r, 0, row.rank());
			}
			sheet.value(r, 1, row.unit().code());
			sheet.value(r, 2, row.unit().name());
			sheet.value(r, 3, v.numerator());
			if (v.denominator() != null) {
				sheet.value(r, 4, v.denominator());
			}
			if (v.value() != null) {
				sheet.value(r, 5, v.value());
			}
		}, indicator.unit() + " · " + indicator.source());
	}

	/** A monthly trend as CSV: one row per month of the period. */
	static byte[] trendCsv(List<IndicatorValue> months) {
		var out = new StringBuilder("\uFEFF");
		out.append(String.join(",", TREND_VI)).append("\r\n");
		for (var v : months) {
			out.append(String.join(",", cell(java.time.YearMonth.from(v.from()).toString()), cell(v.from().toString()),
					cell(v.to().toString()), cell(plain(v.numerator())), cell(v.denominator() == null ? "" : plain(v.denominator())),
					cell(v.value() == null ? "" : plain(v.value())))).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] trendXlsx(String title, List<IndicatorValue> months) {
		return table(title, vi("insights.export.sheet.trend"), TREND_VI, months.size(), (sheet, r, i) -> {
			var v = months.get(i);
			sheet.value(r, 0, java.time.YearMonth.from(v.from()).toString());
			sheet.value(r, 1, v.from().toString());
			sheet.value(r, 2, v.to().toString());
			sheet.value(r, 3, v.numerator());
			if (v.denominator() != null) {
				sheet.value(r, 4, v.denominator());
			}
			if (v.value() != null) {
				sheet.value(r, 5, v.value());
			}
		}, months.isEmpty() ? "" : months.getFirst().indicator().unit() + " · " + months.getFirst().indicator().source());
	}

	private interface RowWriter {
		void write(org.dhatim.fastexcel.Worksheet sheet, int row, int index);
	}

	private static byte[] table(String title, String sheetName, String[] header, int size, RowWriter rows, String note) {
		var bytes = new ByteArrayOutputStream();
		try (var workbook = new Workbook(bytes, "XaSo", "1.0")) {
			var sheet = workbook.newWorksheet(sheetName);
			sheet.value(0, 0, title);
			sheet.style(0, 0).bold().set();
			sheet.value(1, 0, note);
			for (int c = 0; c < header.length; c++) {
				sheet.value(2, c, header[c]);
				sheet.style(2, c).bold().fillColor("DDEBF7").set();
			}
			for (int i = 0; i < size; i++) {
				rows.write(sheet, 3 + i, i);
			}
			sheet.width(2, 35);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	static String cell(String value) {
		// Quote every cell; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
		var safe = value.matches("^[=+\\-@].*") && !value.matches("^-?[0-9.]+$") ? "'" + value : value;
		return '"' + safe.replace("\"", "\"\"") + '"';
	}
}
