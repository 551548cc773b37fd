package vn.xaso.health;

/** The asker rated the station's answers to their question, 1 to 5 stars (rating again replaces it). */
public record QuestionRated(String unitCode, long questionId, int stars) {
}
