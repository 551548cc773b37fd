package vn.xaso.farm;

/** The device answered a command, done (ok) or failed. */
public record CommandAcknowledged(String unitCode, long farmId, long commandId, boolean ok) {
}
