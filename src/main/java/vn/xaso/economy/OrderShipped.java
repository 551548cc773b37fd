package vn.xaso.economy;

/** The producer sent the order (or made it ready to pick up). */
public record OrderShipped(String unitCode, long orderId, String code, Order.Delivery delivery) {
}
