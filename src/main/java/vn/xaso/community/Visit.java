package vn.xaso.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A visit of a member to a household; {@code dossier}: the dossier the member submitted with help on that visit
 * (the dossiers module's assisted submission), with its consent when the reader may see the dossier.
 */
public record Visit(long id, long householdId, String headName, long memberId, String memberName, Instant visitedAt,
		Set<VisitAction> actions, String outcome, @Nullable LocalDate followUpOn, @Nullable AssistedDossier dossier) {

	/** The dossier's id and code and, read through the dossiers API, who consented, how and when. */
	public record AssistedDossier(long id, String code, @Nullable String consentedBy, @Nullable String consentMethod,
			@Nullable Instant consentAt) {
	}

	public Visit withDossier(@Nullable AssistedDossier d) {
		return new Visit(id, householdId, headName, memberId, memberName, visitedAt, actions, outcome, followUpOn, d);
	}
}
