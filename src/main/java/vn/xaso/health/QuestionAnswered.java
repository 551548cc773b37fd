package vn.xaso.health;

import java.time.Duration;

/** A doctor answered; {@code waited}: from the (last) question to this answer. */
public record QuestionAnswered(String unitCode, long questionId, String doctor, Duration waited) {
}
