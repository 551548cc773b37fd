package vn.xaso.school;

/** A pupil's fee was paid by VietQR into the school's account (once per charge). */
public record TuitionPaid(String unitCode, long chargeId, long feeId, long pupilId, long amountVnd) {
}
