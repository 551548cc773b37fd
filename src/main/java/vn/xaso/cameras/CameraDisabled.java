package vn.xaso.cameras;

/** A household withdrew its consent; the camera is disabled and never viewed again. */
public record CameraDisabled(String unitCode, long cameraId) {
}
