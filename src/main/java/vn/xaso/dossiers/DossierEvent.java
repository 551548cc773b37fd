package vn.xaso.dossiers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One step on a dossier's timeline: who, when, which action, from which state to which, the note and files. */
public record DossierEvent(long id, Instant at, String actor, String actorName, String action, String actionLabel,
		@Nullable String fromState, @Nullable String toState, String note, List<Long> fileIds) {

	public DossierEvent {
		fileIds = List.copyOf(fileIds);
	}
}
