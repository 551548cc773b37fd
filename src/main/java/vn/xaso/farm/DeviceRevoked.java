package vn.xaso.farm;

/** A device's credentials were revoked */
public record DeviceRevoked( the broker refuses it from now on.:String unitCode, long farmId, long deviceId) {
}
