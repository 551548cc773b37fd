package vn.xaso.school;

/** A teacher opened a fee for every pupil of the class (each parent pays their child's charge). */
public record FeeOpened(String unitCode, long feeId, long classId) {
}
