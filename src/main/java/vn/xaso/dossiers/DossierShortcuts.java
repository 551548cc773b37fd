package vn.xaso.dossiers;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Fewer clicks for the desk (issue 21): two workflow steps the same person may take one after the other, done
 * as one step in one transaction (both happen or neither), and "the next dossier waiting for me". Each step is
 * still its own workflow action on the timeline and in the audit log.
 */
public interface DossierShortcuts {

	/** "Tiếp nhận và chuyển xử lý": the one-stop officer receives the dossier and assigns it to a specialist. */
	Dossier receiveAndAssign(Caller oneStop, long dossierId, long expectedVersion, @Nullable String assignee, String note);

	/**
	 * "Trả kết quả": the signed result goes out to the desk (release, when it is still "approved") and is handed
	 * back to the citizen (return) at once.
	 */
	default Dossier releaseAndReturn(Caller oneStop, long dossierId, long expectedVersion, @Nullable String returnMethod,
			@Nullable String postTrackingNumber, String note) {
		return releaseAndReturn(oneStop, dossierId, expectedVersion, returnMethod, postTrackingNumber, note, null);
	}

	/**
	 * As above; when the signed result has no seal yet and {@code sealPassword} (the commune's organisation signing
	 * password) is given, the result is sealed first, in the same transaction (issue 21: seal before the desk).
	 */
	Dossier releaseAndReturn(Caller oneStop, long dossierId, long expectedVersion, @Nullable String returnMethod,
			@Nullable String postTrackingNumber, String note, char @Nullable [] sealPassword);

	/** The next dossier waiting for this official (their role's queues, most urgent first), other than {@code afterId}. */
	Optional<Long> next(Caller official, long afterId);
}
