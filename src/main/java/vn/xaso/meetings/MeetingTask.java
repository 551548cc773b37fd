package vn.xaso.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A task given to an official or a village head with its deadline: from a meeting's conclusion ({@code meetingId} and
 * {@code itemId} set), or directly by a leader ({@code meetingId} 0) with a description and perhaps the document it
 * follows. {@code priority}: HIGH, NORMAL or LOW; {@code teamId}: the tasks given together to several people share it.
 */
public record MeetingTask(long id, long meetingId, @Nullable String meetingTitle, long itemId, String assignee, String assigneeName,
		String text, LocalDate deadline, boolean done, @Nullable Instant doneAt, @Nullable String doneNote, String createdBy,
		String priority, @Nullable String details, @Nullable Long documentId, @Nullable Long teamId) {

	/** The priorities, most urgent first. */
	public static final List<String> PRIORITIES = List.of("HIGH", "NORMAL", "LOW");

	public boolean overdue(LocalDate today) {
		return !done && deadline.isBefore(today);
	}

	public boolean fromMeeting() {
		return meetingId != 0;
	}
}
