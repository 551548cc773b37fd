package vn.xaso.economy;

/** The buyer's VietQR transfer reached the producer's account (matched by the bank notification). */
public record OrderPaid(String unitCode, long orderId, String code, long amountVnd) {
}
