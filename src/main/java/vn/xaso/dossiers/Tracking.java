package vn.xaso.dossiers;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the public tracking page shows: no personal data, only the procedure, state, dates and steps. */
public record Tracking(String code, String procedureName, String state, String stateLabel, @Nullable LocalDate receivedOn,
		@Nullable LocalDate dueDate, Timeliness timeliness, List<Step> steps) {

	public Tracking {
		steps = List.copyOf(steps);
	}

	public record Step(java.time.Instant at, String label) {
	}
}
