package vn.xaso.health;

/** A citizen asked the station of {@code unitCode} (a follow-up is {@code followUp}). */
public record QuestionAsked(String unitCode, long questionId, boolean urgent, boolean followUp) {
}
