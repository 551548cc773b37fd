package vn.xaso.school.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.Spreadsheets;
import vn.xaso.platform.render.ContentChecks;
import vn.xaso.school.SchoolException;

/**
 * Term results as the school entered them (no grading here): the teacher types a subject's results of a term for the
 * class as a table, or uploads a CSV file (pupil, subject, result, comment — checked whole: one bad line and nothing is
 * kept). Entering a result again replaces it.
 */
@Service
public class EnteringResults {

	public static final int MAX_BYTES = 200_000;
	static final int MAX_ROWS = 2_000;

	public record Sheet(SchoolViews.SchoolClass schoolClass, List<SchoolViews.Pupil> pupils, List<String> terms, String term,
			List<SchoolViews.Result> results) {
	}

	/** One pupil's result as typed, and the teacher's comment. */
	public record Row(@Nullable String result, @Nullable String comment) {
	}

	private record Entry(long pupilId, String subject, String result, String comment) {
	}

	private final SchoolTable schools;
	private final PupilTable pupils;
	private final PupilRecordTable records;
	private final SchoolWork work;

	EnteringResults(SchoolTable schools, PupilTable pupils, PupilRecordTable records, SchoolWork work) {
		this.schools = schools;
		this.pupils = pupils;
		this.records = records;
		this.work = work;
	}

	public Sheet sheet(OfficialPrincipal teacher, long classId, @Nullable String term) {
		return work.inTx(() -> {
			var c = TeachingClasses.own(schools, teacher, classId);
			var terms = records.termsOfClass(classId);
			var t = TeachingClasses.text(term);
			var shown = t.isEmpty() && !terms.isEmpty() ? terms.getLast() : t;
			return new Sheet(c, pupils.ofClass(classId), terms, shown, shown.isEmpty() ? List.of() : records.resultsOfClass(classId, shown));
		});
	}

	/** A subject's results of the term as a table: rows by pupil id; a blank result is left out. */
	public int enter(OfficialPrincipal teacher, long classId, String term, String subject, Map<Long, Row> rows) {
		var t = term(term);
		var s = subject(subject);
		var entries = new java.util.ArrayList<Entry>();
		rows.forEach((pupil, row) -> {
			var result = TeachingClasses.text(row.result());
			if (!result.isEmpty()) {
				entries.add(entry(pupil, s, result, TeachingClasses.text(row.comment()), "rows[" + pupil + "].result"));
			}
		});
		return keep(teacher, classId, t, entries, false);
	}

	/** A CSV file of the term's results: a header line, then pupil's full name, subject, result, comment. */
	public int upload(OfficialPrincipal teacher, long classId, String term, byte[] content) {
		var t = term(term);
		String text;
		try {
			ContentChecks.checkSize(content, MAX_BYTES);
			if (content.length == 0 || ContentChecks.sniff(content) != null) {
				throw new SchoolException("file", "school.error.csv");
			}
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
		}
		catch (ContentChecks.Refused | CharacterCodingException e) {
			throw new SchoolException("file", "school.error.csv");
		}
		if (text.indexOf('\0') >= 0) {
			throw new SchoolException("file", "school.error.csv");
		}
		var lines = Spreadsheets.csv(text, MAX_ROWS + 2L);
		if (lines.size() < 2 || lines.size() > MAX_ROWS + 1) {
			throw new SchoolException("file", "school.error.csv");
		}
		var rows = lines.subList(1, lines.size());
		var entries = work.inTx(() -> {
			var byName = new HashMap<String, Long>();
			pupils.ofClass(TeachingClasses.own(schools, teacher, classId).id()).forEach(p -> byName.put(fold(p.fullName()), p.id()));
			var found = new java.util.ArrayList<Entry>();
			for (int i = 0; i < rows.size(); i++) {
				var cells = rows.get(i);
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				var pupil = byName.get(fold(cell(cells, 0)));
				if (pupil == null || cells.size() < 3) {
					throw new SchoolException("file", "school.error.csvLine", i + 2);
				}
				try {
					found.add(entry(pupil, subject(cell(cells, 1)), TeachingClasses.text(cell(cells, 2)), TeachingClasses.text(cell(cells, 3)), "file"));
				}
				catch (SchoolException e) {
					throw new SchoolException("file", "school.error.csvLine", i + 2);
				}
			}
			return found;
		});
		return keep(teacher, classId, t, entries, true);
	}

	private int keep(OfficialPrincipal teacher, long classId, String term, List<Entry> entries, boolean fromFile) {
		return work.inTx(() -> {
			var c = TeachingClasses.own(schools, teacher, classId);
			int kept = 0;
			for (var e : entries) {
				if (pupils.inClass(classId, e.pupilId()).isPresent()) {
					records.putResult(c.unitCode(), classId, e.pupilId(), term, e.subject(), e.result(), e.comment(), teacher.username());
					kept++;
				}
			}
			work.audit(c.unitCode(), teacher.username(), "school.results.entered", "class", classId, term + ": " + kept + (fromFile ? " (CSV)" : ""));
			return kept;
		});
	}

	private static Entry entry(long pupil, String subject, String result, String comment, String field) {
		if (result.isEmpty() || result.length() > 30) {
			throw new SchoolException(field, "school.error.result");
		}
		if (comment.length() > 500) {
			throw new SchoolException(field, "school.error.comment");
		}
		return new Entry(pupil, subject, result, comment);
	}

	private static String term(@Nullable String term) {
		var t = TeachingClasses.text(term);
		if (t.length() < 2 || t.length() > 50) {
			throw new SchoolException("term", "school.error.term");
		}
		return t;
	}

	private static String subject(@Nullable String subject) {
		var s = TeachingClasses.text(subject);
		if (s.length() < 2 || s.length() > 60) {
			throw new SchoolException("subject", "school.error.subject");
		}
		return s;
	}

	private static String cell(List<String> cells, int i) {
		return i < cells.size() ? cells.get(i) : "";
	}

	static String fold(String s) {
		return Normalizer.normalize(TeachingClasses.text(s).replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}
}
