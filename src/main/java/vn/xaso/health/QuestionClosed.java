package vn.xaso.health;

/** A question was closed, by its asker or by a doctor ({@code by}: "citizen" or the doctor's username). */
public record QuestionClosed(String unitCode, long questionId, String by) {
}
