package vn.xaso.health.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.xaso.health.Question;

/** What the health pages show: lines of the question lists and campaigns (read by the SQL adapters). */
public final class HealthViews {

	private HealthViews() {
	}

	/** One line of a list: the station's or the asker's. */
	public record Line(long id, String unitCode, String title, boolean urgent, Question.Status status, Instant askedAt,
			@Nullable Instant answeredAt, boolean published) {
	}

	/**
	 * {@code reachable}: people with a phone (reminded by text message); {@code noticeAt}: its notice is on the portal
	 * since then.
	 */
	public record Campaign(long id, String unitCode, String name, String place, LocalDate startsOn, @Nullable Instant remindedAt, int people,
			int attended, int reachable, @Nullable Instant noticeAt) {

		/** Who came over who is on the list, in whole percent (0 with nobody on it). */
		public int coverage() {
			return people == 0 ? 0 : (int) Math.round(100.0 * attended / people);
		}
	}

	/**
	 * One person of a campaign: a phone of the typed list, or a person of a household ({@code name}, year, village and
	 * household head; {@code phone} when the household's phone has a citizen account).
	 */
	public record Person(long id, @Nullable String phone, @Nullable Instant attendedAt, @Nullable String name, @Nullable Integer birthYear,
			@Nullable String village, @Nullable String household) {

		public String label() {
			return name != null ? name + (birthYear == null ? "" : " (" + birthYear + ")")
					: vn.xaso.platform.PersonalData.maskPhone(phone);
		}
	}

	/** A campaign that reminded a citizen (by their verified phone) and has not recorded them as come yet. */
	public record Reminder(long campaignId, String unitCode, String name, String place, LocalDate startsOn) {
	}

	/** A half-day of the station open for appointments; {@code session} MORNING or AFTERNOON. */
	public record Slot(long id, String unitCode, LocalDate day, String session, int capacity, int booked) {

		public int free() {
			return Math.max(0, capacity - booked);
		}
	}

	/** An appointment with its slot's day and session; {@code status} BOOKED or CANCELLED. */
	public record Appointment(long id, String unitCode, long slotId, LocalDate day, String session, long citizenId, String citizenName,
			@Nullable String phone, String reason, String status, Instant bookedAt, @Nullable Boolean came) {

		public boolean booked() {
			return "BOOKED".equals(status);
		}
	}

	/** A photo sent with a question (its JPEG is read separately). */
	public record Photo(long id, long questionId, int width, int height) {
	}
}
