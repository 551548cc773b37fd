package vn.xaso.farm;

/** A command got no answer in time. */
public record CommandTimedOut(String unitCode, long farmId, long commandId) {
}
