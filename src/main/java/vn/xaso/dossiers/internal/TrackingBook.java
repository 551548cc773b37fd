package vn.xaso.dossiers.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.jspecify.annotations.Nullable;

/**
 * Sổ theo dõi hồ sơ (Thông tư 01/2018/TT-VPCP, Mẫu số 06): one line per dossier with its code, procedure,
 * applicant, received, due, handed to, result date, returned, and a note (state, how returned).
 */
final class TrackingBook {

	/** The columns of Mẫu số 06, from the bundle ({@code dossiers.export.col.*}): the book is written in Vietnamese in both languages. */
	static final List<String> COLUMNS = java.util.stream.Stream.of("number", "code", "procedure", "applicant", "received", "due", "handedTo",
			"result", "returned", "note").map(c -> Texts.vi("dossiers.export.col." + c)).toList();
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	record Line(String code, String procedure, String applicant, @Nullable Instant received, @Nullable LocalDate due,
			@Nullable String handedTo, @Nullable Instant result, @Nullable Instant returned, String state,
			@Nullable String returnMethod, @Nullable String postTracking) {

		String note() {
			var n = state;
			if (returnMethod != null) {
				n += switch (returnMethod) {
					case "ONLINE" -> Texts.vi("dossiers.export.returnedOnline");
					case "POST" -> Texts.vi("dossiers.export.returnedByPost")
							+ (postTracking == null ? "" : Texts.vi("dossiers.export.postCode", postTracking));
					default -> Texts.vi("dossiers.export.returnedAtCounter");
				};
			}
			return n;
		}
	}

	private TrackingBook() {
	}

	static byte[] xlsx(List<Line> lines, String communeName, LocalDate from, LocalDate to) {
		var out = new ByteArrayOutputStream();
		try (var wb = new Workbook(out, "XaSo", "1.0")) {
			var ws = wb.newWorksheet(Texts.vi("dossiers.export.sheet"));
			ws.value(0, 0, Texts.vi("dossiers.export.heading", communeName.toUpperCase(java.util.Locale.forLanguageTag("vi"))));
			ws.style(0, 0).bold().set();
			ws.value(1, 0, Texts.vi("dossiers.export.period", Pdfs.DATE.format(from), Pdfs.DATE.format(to)));
			int r = 3;
			for (int c = 0; c < COLUMNS.size(); c++) {
				ws.value(r, c, COLUMNS.get(c));
				ws.style(r, c).bold().wrapText(true).set();
			}
			int i = 1;
			for (var l : lines) {
				r++;
				var cells = cells(i++, l);
				for (int c = 0; c < cells.size(); c++) {
					ws.value(r, c, cells.get(c));
				}
			}
			ws.width(0, 6);
			ws.width(1, 22);
			ws.width(2, 40);
			ws.width(3, 26);
			for (int c = 4; c < 9; c++) {
				ws.width(c, 17);
			}
			ws.width(9, 30);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] csv(List<Line> lines) {
		var b = new StringBuilder("\uFEFF");
		b.append(String.join(",", COLUMNS.stream().map(TrackingBook::quote).toList())).append("\r\n");
		int i = 1;
		for (var l : lines) {
			b.append(String.join(",", cells(i++, l).stream().map(TrackingBook::quote).toList())).append("\r\n");
		}
		return b.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> cells(int n, Line l) {
		return List.of(Integer.toString(n), l.code(), l.procedure(), l.applicant(), dateTime(l.received()),
				l.due() == null ? "" : Pdfs.DATE.format(l.due()), l.handedTo() == null ? "" : l.handedTo(), dateTime(l.result()),
				dateTime(l.returned()), l.note());
	}

	private static String dateTime(@Nullable Instant at) {
		return at == null ? "" : DATE_TIME.format(LocalDateTime.ofInstant(at, Sla.VIETNAM));
	}

	/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
	static String quote(String v) {
		var s = v;
		if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			return "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}
}
