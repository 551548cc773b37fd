package vn.xaso.party.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the party pages show (read by the SQL adapters). */
public final class PartyViews {

	private PartyViews() {
	}

	/** {@code villageCode}: the units village the cell belongs to (none for a named cell); {@code village}: its full name. */
	public record Cell(long id, String name, int members, @Nullable String secretaries, @Nullable String villageCode,
			@Nullable String village) {

		Cell named(java.util.Map<String, String> villages) {
			return villageCode == null ? this : new Cell(id, name, members, secretaries, villageCode, villages.get(villageCode));
		}
	}

	/**
	 * {@code account}: the official's username, or "" for a citizen (their phone is never shown); {@code card}: the party
	 * card number masked ("•••• 1234") or null.
	 */
	public record Member(long id, long cellId, String fullName, String account, boolean citizen, boolean secretary, boolean committee,
			@Nullable String card) {
	}

	/** The record's fields as checked. */
	public record RecordFields(@Nullable LocalDate admittedOn, @Nullable LocalDate officialOn, @Nullable String cardNumber,
			@Nullable Integer birthYear, @Nullable String phone) {
	}

	/** A member's full record: read only by their secretary, the committee and themself (each read audited). */
	public record MemberRecord(long id, long cellId, String fullName, String account, boolean citizen, @Nullable LocalDate admittedOn,
			@Nullable LocalDate officialOn, @Nullable String cardNumber, @Nullable Integer birthYear, @Nullable String phone,
			List<Move> moves) {

		MemberRecord withMoves(List<Move> list) {
			return new MemberRecord(id, cellId, fullName, account, citizen, admittedOn, officialOn, cardNumber, birthYear, phone, list);
		}
	}

	/** A move between cells of the commune. */
	public record Move(LocalDate on, String fromCell, String toCell) {
	}

	/** A card number shown in lists: its last four digits only. */
	static @Nullable String masked(@Nullable String card) {
		return card == null || card.length() < 4 ? null : "\u2022\u2022\u2022\u2022 " + card.substring(card.length() - 4);
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
	public record CellPage(Cell cell, List<Member> members, List<Meeting> meetings, boolean manager, boolean committee,
			List<vn.xaso.units.Village> villages, List<Cell> otherCells) {
	}

	/** A member's record page; {@code manager}: the reader may change it; {@code cells}: where the committee may move them. */
	public record RecordPage(Cell cell, MemberRecord record, boolean manager, List<Cell> cells) {
	}

	/** A meeting's page: the meeting, its cell, materials, attendance of every member, the caller's notes on it. */
	public record MeetingPage(Meeting meeting, Cell cell, List<File> files, List<Attendance> attendance, List<Note> myNotes,
			boolean manager) {
	}

	/** The home page: the caller's cell, or every cell for the committee; upcoming meetings; unread study count. */
	public record Home(vn.xaso.party.PartyMembership.Membership me, @Nullable String organisation, List<Cell> cells, List<Meeting> upcoming,
			int unread, List<vn.xaso.units.Village> villages) {
	}
}
