package vn.xaso.economy;

/** The buyer received the order (cash collected when paid on delivery). */
public record OrderDelivered(String unitCode, long orderId, String code) {
}
