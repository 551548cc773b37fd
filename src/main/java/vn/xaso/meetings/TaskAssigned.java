package vn.xaso.meetings;

/** A task from a meeting's conclusion was given to an official. */
public record TaskAssigned(String unitCode, long taskId, long meetingId, String assignee, java.time.LocalDate deadline) {
}
