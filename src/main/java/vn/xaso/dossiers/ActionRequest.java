package vn.xaso.dossiers;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An official's action on a dossier. {@code expectedVersion}: the {@link Dossier#version()} the official saw;
 * if someone acted in between, {@link DossierConflict} tells who and what. {@code assignee}: the username of
 * the SPECIALIST for "assign"; {@code returnMethod}: ONLINE, COUNTER or POST (with {@code postTrackingNumber});
 * {@code signingPassword}: the LEADER's signing password for "approve"; {@code newDueDate}: for "reschedule".
 */
public record ActionRequest(String action, long expectedVersion, String note, @Nullable String assignee,
		@Nullable String returnMethod, @Nullable String postTrackingNumber, char @Nullable [] signingPassword,
		@Nullable LocalDate newDueDate, List<Upload> files) {

	public ActionRequest {
		files = List.copyOf(files);
	}

	public static ActionRequest of(String action, long expectedVersion, String note) {
		return new ActionRequest(action, expectedVersion, note, null, null, null, null, null, List.of());
	}
}
