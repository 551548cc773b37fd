package vn.xaso.cameras.internal;

import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.Incident;

/** The incident aggregate: OPEN → FOLLOWED_UP on the first follow-up note; CLOSED from either; nothing after CLOSED. */
final class IncidentCase {

	private final Incident.State state;

	IncidentCase(Incident.State state) {
		this.state = state;
	}

	/** The state after a follow-up note. */
	Incident.State followedUp() {
		if (state == Incident.State.CLOSED) {
			throw new CameraException(null, "cameras.error.incidentClosed");
		}
		return Incident.State.FOLLOWED_UP;
	}

	Incident.State closed() {
		if (state == Incident.State.CLOSED) {
			throw new CameraException(null, "cameras.error.incidentClosed");
		}
		return Incident.State.CLOSED;
	}
}
