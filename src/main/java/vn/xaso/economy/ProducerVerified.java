package vn.xaso.economy;

/** A producer was verified by the commune (who, when) and now shows in the shop. */
public record ProducerVerified(String unitCode, long producerId, String by) {
}
