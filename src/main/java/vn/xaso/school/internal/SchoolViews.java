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
			String parentName, String parentPhone) {
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
			@Nullable Long billId, @Nullable Instant paidAt) {
	}
}
