package vn.xaso.cameras;

/** The police post recorded an incident on a camera. */
public record IncidentRecorded(String unitCode, long incidentId, long cameraId) {
}
