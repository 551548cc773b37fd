package vn.xaso.school.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import vn.xaso.payments.Payee;

/** What the school pages show: schools, classes, pupils, notes, replies, fees and charges (read by the SQL adapters). */
public final class SchoolViews {

	private SchoolViews() {
	}

	public record School(long id, String unitCode, String name, Payee account) {
	}

	public record SchoolClass(long id, String unitCode, long schoolId, String schoolName, String name, String schoolYear, String teacher) {
	}

	public record Pupil(long id, String unitCode, long classId, String className, String schoolName, String fullName, int birthYear,
			String parentName, String parentPhone, String cardToken, @Nullable Long parentCitizenId, @Nullable Instant consentAt) {

		/** Whether a parent confirmed the link (and did not withdraw): only then the book opens and notices go out. */
		public boolean confirmed() {
			return consentAt != null && parentCitizenId != null;
		}
	}

	/** A note; {@code pupilName} null for a note to the whole class. */
	public record Note(long id, long classId, @Nullable Long pupilId, @Nullable String pupilName, String authorName, String body,
			Instant writtenAt) {
	}

	public record Reply(long id, long noteId, long pupilId, String pupilName, String body, Instant writtenAt) {
	}

	/** A fee of a class with how many of its pupils paid. */
	public record Fee(long id, long classId, String title, long amountVnd, int pupils, int paid, Instant createdAt) {
	}

	/** One pupil's charge of a fee. */
	public record Charge(long id, String unitCode, long feeId, long pupilId, String pupilName, String title, long amountVnd,
			@Nullable Long billId, @Nullable Instant paidAt, boolean paidCash) {
	}

	/** A pupil's mark of a day other than present: ABSENT or LATE (by the teacher, with a reason) or ARRIVED (card scanned). */
	public record Mark(long pupilId, String pupilName, java.time.LocalDate day, String status, String reason, @Nullable Instant arrivedAt) {
	}

	/** A term result as the school entered it. */
	public record Result(long pupilId, String pupilName, String term, String subject, String result, String comment) {
	}
}
