package vn.xaso.economy;

/** An order was cancelled and its quantity went back to the stock, once. */
public record OrderCancelled(String unitCode, long orderId, String code, long productId, int quantity, boolean wasPaid, String by) {
}
