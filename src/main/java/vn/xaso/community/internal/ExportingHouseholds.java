package vn.xaso.community.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.Household;
import vn.xaso.platform.Refusal;

/**
 * The household list as CSV or XLSX (issue 16) — the lines the actor may see (commune staff the commune or one
 * village, a village head their village), CCCD and phone masked exactly as in the list; audited. A cell that a
 * spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe.
 */
@Service
public class ExportingHouseholds {

	static final int MAX_ROWS = 20_000;
	/** The columns, from the community bundle ({@code community.export.*}): the file is written in Vietnamese in every language. */
	static final String[] HEADER = java.util.stream.Stream.of("village", "head", "birthYear", "cccd", "phone", "elderlyAlone", "disability",
			"poor", "member").map(c -> vi("community.export.col." + c)).toArray(String[]::new);

	private final ReadingHouseholds reading;
	private final ApplicationEventPublisher events;

	ExportingHouseholds(ReadingHouseholds reading, ApplicationEventPublisher events) {
		this.reading = reading;
		this.events = events;
	}

	@Transactional
	public byte[] csv(Actor actor, @Nullable Long villageId) {
		var out = new StringBuilder("\uFEFF");
		for (var row : rows(actor, villageId, "csv")) {
			var cells = new ArrayList<String>();
			row.forEach(c -> cells.add("\"" + safe(c).replace("\"", "\"\"") + "\""));
			out.append(String.join(",", cells)).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Transactional
	public byte[] xlsx(Actor actor, @Nullable Long villageId) {
		var bytes = new ByteArrayOutputStream();
		try (var workbook = new Workbook(bytes, "XaSo", "1.0")) {
			var sheet = workbook.newWorksheet(vi("community.export.sheet"));
			int r = 0;
			for (var row : rows(actor, villageId, "xlsx")) {
				for (int c = 0; c < row.size(); c++) {
					sheet.value(r, c, safe(row.get(c)));
					if (r == 0) {
						sheet.style(r, c).bold().set();
					}
				}
				r++;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private List<List<String>> rows(Actor actor, @Nullable Long villageId, String format) {
		if (!actor.staff() && !actor.villageHead()) {
			throw new CommunityException(null, "community.error.notStaff");
		}
		var rows = new ArrayList<List<String>>();
		rows.add(List.of(HEADER));
		for (int offset = 0; offset < MAX_ROWS; offset += 500) {
			var page = reading.list(actor, villageId, "", offset, 500).items();
			for (Household.Line l : page) {
				rows.add(List.of(l.villageName(), l.headName(), String.valueOf(l.headBirthYear()), l.maskedCccd(), l.maskedPhone(),
						yes(l.vulnerability().elderlyAlone()), yes(l.vulnerability().disability()), yes(l.vulnerability().poor()),
						l.memberName() == null ? "" : l.memberName()));
			}
			if (page.size() < 500) {
				break;
			}
		}
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "community.households.exported")
			.change(null, (rows.size() - 1) + " households, " + format + (villageId == null ? "" : ", village " + villageId)));
		return rows;
	}

	private static String yes(boolean b) {
		return b ? vi("community.export.yes") : "";
	}

	private static String vi(String key) {
		return Refusal.bundleText("i18n/community", key);
	}

	static String safe(String cell) {
		return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
	}
}
