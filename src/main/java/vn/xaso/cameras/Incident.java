package vn.xaso.cameras;

import java.time.Instant;

/** An incident the police post recorded on a camera. */
public record Incident(long id, String unitCode, long cameraId, String cameraName, Instant happenedAt, String note, State state,
		String recordedBy, Instant recordedAt, boolean photo) {

	/** OPEN → FOLLOWED_UP (a follow-up note) → CLOSED; nothing after CLOSED. */
	public enum State {
		OPEN, FOLLOWED_UP, CLOSED
	}
}
