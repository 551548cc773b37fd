package vn.xaso.feedback;

/** A kind of problem a commune takes reports about; {@code code} is the Open311 service_code. */
public record FeedbackCategory(long id, String unitCode, String code, String name, String description, String group,
		String keywords, int slaDays) {
}
