package vn.xaso.dossiers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A dossier with its timeline and files. {@code code} is null while it is a draft. {@code version}: the row
 * version to send back with an action (optimistic lock). {@code procedureVersionId}: the catalogue version
 * frozen at submission. {@code dueDate}: the appointment date; null while paused or for a draft.
 * {@code workingDaysLeftWhenPaused}: the remaining working days saved when the clock paused for a supplement.
 */
public record Dossier(long id, String unitCode, @Nullable String code, String procedureCode, long procedureVersionId,
		String procedureName, Channel channel, @Nullable Long citizenId, Applicant applicant,
		@Nullable String assistedBy, @Nullable Consent consent, Map<String, String> form, String state,
		String stateLabel, long version, @Nullable Instant submittedAt, @Nullable Instant receivedAt,
		@Nullable LocalDate dueDate, @Nullable Instant pausedAt, @Nullable Integer workingDaysLeftWhenPaused,
		@Nullable String assignee, @Nullable Instant resultAt, @Nullable Instant returnedAt,
		@Nullable String returnMethod, @Nullable String postTrackingNumber, long feeVnd, @Nullable Long billId,
		boolean paid, boolean paidOnline, @Nullable Integer rating, @Nullable String ratingComment,
		@Nullable String verifyToken, Timeliness timeliness, List<DossierEvent> events, List<DossierFile> files) {

	public Dossier {
		form = Map.copyOf(form);
		events = List.copyOf(events);
		files = List.copyOf(files);
	}

	public boolean draft() {
		return code == null;
	}
}
