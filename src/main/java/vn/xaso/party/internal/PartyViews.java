package vn.xaso.party.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the party pages show (read by the SQL adapters). */
public final class PartyViews {

	private PartyViews() {
	}

	public record Cell(long id, String name, int members, @Nullable String secretaries) {
	}

	/** {@code account}: the official's username, or "" for a citizen (their phone is never shown). */
	public record Member(long id, long cellId, String fullName, String account, boolean citizen, boolean secretary, boolean committee) {
	}

	public enum MeetingKind {
		MONTHLY, THEMATIC
	}

	public record Meeting(long id, long cellId, MeetingKind kind, String title, Instant startsAt, String place, String agenda) {
	}

	public record File(long id, String title, int pages) {
	}

	/** A member's attendance at a meeting; {@code present} null while not marked. */
	public record Attendance(long memberId, String fullName, @Nullable Boolean present, @Nullable String reason) {
	}

	public enum DocumentKind {
		RESOLUTION, DIRECTIVE, CONCLUSION, INSTRUCTION
	}

	public record Document(long id, DocumentKind kind, String number, String title, LocalDate issuedOn, String summary, int pages) {
	}

	/** A study material; {@code cellId} null for the whole organisation; {@code readBy} how many of the cell(s) read it. */
	public record Study(long id, @Nullable Long cellId, String title, int pages, Instant addedAt, boolean readByMe, int readBy) {
	}

	public record Note(long id, @Nullable Long meetingId, String body, Instant writtenAt) {
	}

	public record Content(String title, byte[] pdf) {
	}

	/** A cell's page: the cell, its members and meetings. */
	public record CellPage(Cell cell, List<Member> members, List<Meeting> meetings, boolean manager) {
	}

	/** A meeting's page: the meeting, its cell, materials, attendance of every member, the caller's notes on it. */
	public record MeetingPage(Meeting meeting, Cell cell, List<File> files, List<Attendance> attendance, List<Note> myNotes,
			boolean manager) {
	}

	/** The home page: the caller's cell, or every cell for the committee; upcoming meetings; unread study count. */
	public record Home(vn.xaso.party.PartyMembership.Membership me, List<Cell> cells, List<Meeting> upcoming, int unread) {
	}
}
