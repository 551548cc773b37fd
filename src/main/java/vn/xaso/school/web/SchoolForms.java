package vn.xaso.school.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.school.internal.KeepingSchools;
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

	static String s(@Nullable String v) {
		return v == null ? "" : v;
	}
}
