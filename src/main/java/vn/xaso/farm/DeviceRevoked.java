package vn.xaso.farm;

/** A device's credentials were revoked and the broker refuses it from now on. */
public record DeviceRevoked(String unitCode, long farmId, long deviceId) {
}
