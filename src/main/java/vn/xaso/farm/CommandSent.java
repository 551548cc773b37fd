package vn.xaso.farm;

/** A command was published to a device's command topic. */
public record CommandSent(String unitCode, long farmId, long commandId, long deviceId, Command.Action action) {
}
