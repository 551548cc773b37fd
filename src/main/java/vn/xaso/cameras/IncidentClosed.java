package vn.xaso.cameras;

/** An incident was closed. */
public record IncidentClosed(String unitCode, long incidentId) {
}
