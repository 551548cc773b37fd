package vn.xaso.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A visit of a member to a household. */
public record Visit(long id, long householdId, String headName, long memberId, String memberName, Instant visitedAt,
		Set<VisitAction> actions, String outcome, @Nullable LocalDate followUpOn) {
}
