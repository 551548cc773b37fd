package vn.xaso.cameras;

/** Someone pressed "Xem camera" and was shown the camera's addresses. */
public record CameraViewed(String unitCode, long cameraId, String viewer) {
}
