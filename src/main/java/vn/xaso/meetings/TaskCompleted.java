package vn.xaso.meetings;

/** The assignee reported a task done. */
public record TaskCompleted(String unitCode, long taskId, String assignee, boolean onTime) {
}
