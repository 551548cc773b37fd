package vn.xaso.community;

import java.time.Instant;
import java.util.Set;

/** A team member visited a household. */
public record VisitRecorded(String unitCode, long visitId, long householdId, long memberId, Instant visitedAt,
		Set<VisitAction> actions) {
}
