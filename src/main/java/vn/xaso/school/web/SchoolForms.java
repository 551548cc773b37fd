package vn.xaso.school.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.school.internal.EnteringResults;
import vn.xaso.school.internal.KeepingSchools;
import vn.xaso.school.internal.TakingAttendance;
import vn.xaso.school.internal.TeachingClasses;
import vn.xaso.platform.web.Form;

/** The school forms, typed; the use cases check the values and refuse with a message per field. */
final class SchoolForms {

	private SchoolForms() {
	}

	record SchoolForm(@Nullable String name, @Nullable String bankBin, @Nullable String accountNumber, @Nullable String accountName) {

		KeepingSchools.NewSchool input() {
			return new KeepingSchools.NewSchool(s(name), s(bankBin), s(accountNumber), s(accountName));
		}

		Form form() {
			return Form.empty().value("name", name).value("bankBin", bankBin).value("accountNumber", accountNumber)
				.value("accountName", accountName);
		}
	}

	record ClassForm(@Nullable String schoolId, @Nullable String name, @Nullable String schoolYear, @Nullable String teacher) {

		KeepingSchools.NewClass input() {
			return new KeepingSchools.NewClass(s(schoolId), s(name), s(schoolYear), s(teacher));
		}

		Form form() {
			return Form.empty().value("schoolId", schoolId).value("name", name).value("schoolYear", schoolYear).value("teacher", teacher);
		}
	}

	record PupilForm(@Nullable String fullName, @Nullable String birthYear, @Nullable String parentName, @Nullable String parentPhone) {

		TeachingClasses.NewPupil input() {
			return new TeachingClasses.NewPupil(s(fullName), s(birthYear), s(parentName), s(parentPhone));
		}

		Form form() {
			return Form.empty().value("fullName", fullName).value("birthYear", birthYear).value("parentName", parentName)
				.value("parentPhone", parentPhone);
		}
	}

	record NoteForm(@Nullable String pupilId, @Nullable String body) {

		Form form() {
			return Form.empty().value("pupilId", pupilId).value("body", body);
		}
	}

	record FeeForm(@Nullable String title, @Nullable String amount) {

		Form form() {
			return Form.empty().value("title", title).value("amount", amount);
		}
	}

	record ReplyForm(@Nullable String noteId, @Nullable String body) {

		Form form() {
			return Form.empty().value("noteId", noteId).value("body", body);
		}
	}

	/** "I am the parent or guardian … and agree to receive the school's notes": the box must be ticked. */
	record ConsentForm(@Nullable String agree) {

		boolean agreed() {
			return "yes".equals(agree);
		}
	}

	/** Today's attendance as posted, by pupil id: {@code rows[<id>].status}, {@code rows[<id>].reason}. */
	record AttendanceForm(java.util.@Nullable Map<String, TakingAttendance.Tick> rows) {

		java.util.Map<Long, TakingAttendance.Tick> ticks() {
			return byPupil(rows);
		}
	}

	/** A scanned or typed card code. */
	record ScanForm(@Nullable String code) {
	}

	/** A subject's term results as a table, by pupil id: {@code rows[<id>].result}, {@code rows[<id>].comment}. */
	record ResultsForm(@Nullable String term, @Nullable String subject, java.util.@Nullable Map<String, EnteringResults.Row> rows) {

		java.util.Map<Long, EnteringResults.Row> results() {
			return byPupil(rows);
		}

		Form form() {
			var form = Form.empty().value("term", term).value("subject", subject);
			results().forEach((id, row) -> form.value("rows[" + id + "].result", row.result()).value("rows[" + id + "].comment", row.comment()));
			return form;
		}
	}

	/** Rows keyed by a pupil id as posted; a key that is no number is not read. */
	static <T> java.util.Map<Long, T> byPupil(java.util.@Nullable Map<String, T> rows) {
		var out = new java.util.LinkedHashMap<Long, T>();
		if (rows != null) {
			rows.forEach((k, v) -> {
				if (k.matches("[0-9]{1,12}") && v != null) {
					out.put(Long.parseLong(k), v);
				}
			});
		}
		return out;
	}

	static String s(@Nullable String v) {
		return v == null ? "" : v;
	}
}
