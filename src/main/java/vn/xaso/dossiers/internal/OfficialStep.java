package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/**
 * What one declared workflow step does besides moving the state, e.g. "assign" stores the assignee and "approve"
 * signs the result. {@link ActingOnDossier} finds the step by the action's name; the step calls the aggregate's
 * method that guards it and registers its event.
 */
interface OfficialStep {

	/** The workflow actions this step takes (names as declared in {@code dossiers/workflows/*.json}). */
	Set<String> actions();

	/**
	 * Does the step's own change. Returns the note for the timeline and the audit log, or {@code null} when the step
	 * recorded its timeline, audit entry and state itself (receiving).
	 */
	@Nullable String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now);
}
