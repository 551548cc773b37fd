package vn.xaso.meetings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as shown: its kind, time and place, chair and secretary, and where it stands; {@code invitationDocumentId}
 * is its Giấy mời in the documents register, {@code invitationNumber} that paper's number and symbol once released.
 */
public record Meeting(long id, String unitCode, Kind kind, String title, Instant startsAt, String place, String chair,
		String chairName, String secretary, String secretaryName, Status status, @Nullable Long invitationDocumentId,
		@Nullable String invitationNumber, String createdBy) {

	/** People's committee (UBND), council session (HĐND), party committee (Đảng ủy), village meeting (họp thôn). */
	public enum Kind {
		COMMITTEE, COUNCIL, PARTY, VILLAGE
	}

	/** DRAFT → INVITED → OPEN → CLOSED (see {@code meetings.internal.MeetingRecord}). */
	public enum Status {
		DRAFT, INVITED, OPEN, CLOSED
	}

	/** An invitee's answer to the invitation: attend, absent (with a reason) or send a delegate (name and position). */
	public enum Reply {
		NONE, ATTEND, ABSENT, DELEGATE
	}

	/** A remote room: a village cultural house joined by a video link (XaSo stores and shows it, it does not stream). */
	public record Room(long id, String name, String videoUrl) {
	}

	/**
	 * An invitee: an official of the unit, their reply (with the delegate going instead, if any) and whether they — or
	 * their delegate, {@code byDelegate} — are checked in.
	 */
	public record Invitee(String username, String fullName, Reply reply, @Nullable String absentReason, @Nullable String delegateName,
			@Nullable String delegatePosition, boolean present, boolean byDelegate, @Nullable Instant checkedInAt,
			@Nullable String checkedInBy) {
	}

	/**
	 * A PDF of an agenda item in its newest version; {@code older}: its earlier versions, newest first (each with who
	 * added it and when).
	 */
	public record File(long id, String title, int pages, int version, String addedBy, Instant addedAt, List<File> older) {
	}

	/**
	 * An agenda item with its presenter, files and conclusion; a {@code confidential} item's files are for the invitees
	 * only (its {@code files} are then empty for anyone else).
	 */
	public record Item(long id, int position, String title, String presenter, @Nullable String conclusion, boolean confidential,
			List<File> files) {
	}

	/** Who is present against the quorum the meeting's kind needs. */
	public record Quorum(int members, int present, int needed, boolean met) {
	}

	public boolean chairedBy(String username) {
		return chair.equals(username);
	}

	public boolean recordedBy(String username) {
		return secretary.equals(username);
	}
}
