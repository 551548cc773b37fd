package vn.xaso.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.health.HealthException;
import vn.xaso.health.Question;
import vn.xaso.health.Question.Status;
import vn.xaso.health.QuestionAnswered;
import vn.xaso.health.QuestionAsked;
import vn.xaso.health.QuestionClosed;

/**
 * The question aggregate: the one place that decides a state change. ASKED → ANSWERED (a doctor's answer) → CLOSED;
 * the asker's follow-up puts an ANSWERED question back to ASKED; nothing is written to a CLOSED one. Publishing
 * needs the asker's permission and an answer. A refused step throws with its message and changes nothing.
 */
final class QuestionThread {

	private final Question question;
	private Status status;
	private @Nullable Instant publishedAt;
	private final List<Object> events = new ArrayList<>();

	QuestionThread(Question question) {
		this.question = question;
		this.status = question.status();
		this.publishedAt = question.publishedAt();
	}

	/** The asker writes again: allowed until closed; an answered question waits for a doctor again. */
	void followUp() {
		if (status == Status.CLOSED) {
			throw new HealthException(null, "health.error.closed");
		}
		status = Status.ASKED;
		events.add(new QuestionAsked(question.unitCode(), question.id(), false, true));
	}

	/** A doctor answers; {@code since} is when the message being answered was written. */
	void answer(String doctor, Instant since, Instant now) {
		if (status == Status.CLOSED) {
			throw new HealthException(null, "health.error.closed");
		}
		status = Status.ANSWERED;
		events.add(new QuestionAnswered(question.unitCode(), question.id(), doctor, Duration.between(since, now)));
	}

	/** Closes an answered question (asker or doctor); a question nobody answered yet cannot be closed. */
	void close(String by) {
		if (status == Status.CLOSED) {
			throw new HealthException(null, "health.error.closed");
		}
		if (status != Status.ANSWERED) {
			throw new HealthException(null, "health.error.notAnswered");
		}
		status = Status.CLOSED;
		events.add(new QuestionClosed(question.unitCode(), question.id(), by));
	}

	void publish(Instant now) {
		if (!question.mayPublish()) {
			throw new HealthException(null, "health.error.private");
		}
		if (question.answeredAt() == null) {
			throw new HealthException(null, "health.error.notAnswered");
		}
		if (publishedAt != null) {
			throw new HealthException(null, "health.error.alreadyPublished");
		}
		publishedAt = now;
	}

	Question question() {
		return question;
	}

	Status status() {
		return status;
	}

	@Nullable Instant publishedAt() {
		return publishedAt;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
