package vn.xaso.farm;

/** A device was registered on a farm (its credentials were shown once). */
public record DeviceRegistered(String unitCode, long farmId, long deviceId, Device.Kind kind) {
}
