package vn.xaso.cameras;

/** A camera's place, name or addresses were changed. */
public record CameraEdited(String unitCode, long cameraId) {
}
