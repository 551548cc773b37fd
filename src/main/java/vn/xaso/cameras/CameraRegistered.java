package vn.xaso.cameras;

/** A camera was registered. */
public record CameraRegistered(String unitCode, long cameraId, Camera.OwnerKind ownerKind) {
}
