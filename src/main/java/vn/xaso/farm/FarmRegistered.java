package vn.xaso.farm;

/** A farm was registered by commune staff for its owner's account. */
public record FarmRegistered(String unitCode, long farmId, String ownerUsername) {
}
