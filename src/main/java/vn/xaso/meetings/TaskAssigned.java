package vn.xaso.meetings;

/** A task was given to an official: from a meeting's conclusion, or directly ({@code meetingId} 0). */
public record TaskAssigned(String unitCode, long taskId, long meetingId, String assignee, java.time.LocalDate deadline) {
}
