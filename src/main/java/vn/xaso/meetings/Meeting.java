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

	/** An invitee's answer to the invitation. */
	public enum Reply {
		NONE, ATTEND, ABSENT
	}

	/** A remote room: a village cultural house joined by a video link (XaSo stores and shows it, it does not stream). */
	public record Room(long id, String name, String videoUrl) {
	}

	/** An invitee: an official of the unit, their reply and whether they are checked in. */
	public record Invitee(String username, String fullName, Reply reply, @Nullable String absentReason, boolean present,
			@Nullable Instant checkedInAt, @Nullable String checkedInBy) {
	}

	/** A PDF of an agenda item. */
	public record File(long id, String title, int pages) {
	}

	/** An agenda item with its presenter, files and conclusion. */
	public record Item(long id, int position, String title, String presenter, @Nullable String conclusion, List<File> files) {
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
