package vn.xaso.dossiers;

import java.time.Instant;

/**
 * The citizen's consent to an assisted submission: who consented (the citizen's name), how, when, and a
 * reference (the scanned paper's file name, the OTP transaction or the witness).
 */
public record Consent(String consentedBy, Method method, Instant at, String reference) {

	public enum Method {
		/** Giấy ủy quyền / đồng ý có chữ ký, đã quét. */
		SIGNED_PAPER("Giấy đồng ý có chữ ký (đã quét)"),
		/** Mã OTP gửi tới điện thoại của người dân. */
		OTP("Mã xác nhận gửi qua điện thoại"),
		/** Người dân có mặt và đồng ý trực tiếp. */
		IN_PERSON("Đồng ý trực tiếp");

		private final String label;

		Method(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
