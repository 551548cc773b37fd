package vn.xaso.health;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A citizen's question to the health station of {@code unitCode}, with its thread of messages (the first is the
 * question itself). {@code urgent}: the text named a danger sign, so the citizen was shown the emergency number.
 */
public record Question(long id, String unitCode, long citizenId, String title, String body, boolean urgent, boolean mayPublish,
		Status status, Instant askedAt, @Nullable Instant answeredAt, @Nullable Instant publishedAt, List<Message> messages) {

	public enum Status {
		/** Waiting for a doctor (new, or the citizen asked again). */
		ASKED,
		/** A doctor answered; the citizen may ask again or close it. */
		ANSWERED,
		/** Finished: nothing more may be written. */
		CLOSED
	}

	/** One message of the thread; {@code authorName} is shown to the asker and the doctors only, never in public. */
	public record Message(long id, boolean fromDoctor, String authorName, String body, Instant writtenAt) {
	}

	public Question {
		messages = List.copyOf(messages);
	}
}
