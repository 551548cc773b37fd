package vn.xaso.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A task from a meeting's conclusion, given to an official or a village head, with its deadline. */
public record MeetingTask(long id, long meetingId, String meetingTitle, long itemId, String assignee, String assigneeName,
		String text, LocalDate deadline, boolean done, @Nullable Instant doneAt, @Nullable String doneNote, String createdBy) {

	public boolean overdue(LocalDate today) {
		return !done && deadline.isBefore(today);
	}
}
