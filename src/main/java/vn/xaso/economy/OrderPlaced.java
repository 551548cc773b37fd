package vn.xaso.economy;

/** An order was placed in the commune shop; the stock is already taken. */
public record OrderPlaced(String unitCode, long orderId, String code, long productId, long producerId, int quantity, long amountVnd, Order.Payment payment) {
}
