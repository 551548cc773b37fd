package vn.xaso.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One document of a commune's register. Outgoing: {@code draft → submitted → approved → released};
 * incoming: {@code registered → assigned → done}. {@code number} is the number in the register of
 * {@code registerYear} (số văn bản for outgoing, số đến for incoming).
 */
public record Document(long id, String unitCode, boolean outgoing, DocumentType type, String status, String summary,
		String body, String recipients, String internalRecipients, String placeName, String signerName,
		String signerTitle, String signerAuthority, @Nullable Integer registerYear, @Nullable Integer number,
		@Nullable String numberSymbol, @Nullable LocalDate issuedOn, String issuer, String originalNumber,
		@Nullable LocalDate originalDate, String urgency, @Nullable Integer pageCount, int attachmentCount,
		@Nullable LocalDate receivedOn, String directionNote, @Nullable LocalDate deadline, @Nullable Instant doneAt,
		@Nullable Long replyId, boolean hasPdf, String createdBy, Instant createdAt, List<Assignment> assignments,
		List<Note> notes) {

	public static final String DRAFT = "draft";
	public static final String SUBMITTED = "submitted";
	public static final String APPROVED = "approved";
	public static final String RELEASED = "released";
	public static final String REGISTERED = "registered";
	public static final String ASSIGNED = "assigned";
	public static final String DONE = "done";

	/** A handler assigned to an incoming document, with the deadline. */
	public record Assignment(String username, String fullName, LocalDate deadline) {
	}

	/** A direction note (ý kiến chỉ đạo), processing note or completion note. */
	public record Note(String kind, String author, String text, Instant at) {
	}

	/** The register number as shown: "05" (leading zero below 10). */
	public @Nullable String numberText() {
		return number == null ? null : (number < 10 ? "0" + number : number.toString());
	}

	public boolean assignedTo(String username) {
		return assignments.stream().anyMatch(a -> a.username().equals(username));
	}
}
