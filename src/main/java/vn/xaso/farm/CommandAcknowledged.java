package vn.xaso.farm;

/** The device answered a command */
public record CommandAcknowledged( done (ok) or failed.:String unitCode, long farmId, long commandId, boolean ok) {
}
