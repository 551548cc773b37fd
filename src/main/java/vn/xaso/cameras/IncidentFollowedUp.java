package vn.xaso.cameras;

/** A follow-up note was added to an incident. */
public record IncidentFollowedUp(String unitCode, long incidentId) {
}
