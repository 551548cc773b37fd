package vn.xaso.school;

/** A parent replied to a note of the contact book about their child. */
public record ReplyWritten(String unitCode, long replyId, long noteId, long pupilId) {
}
