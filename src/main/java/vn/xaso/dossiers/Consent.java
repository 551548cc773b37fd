package vn.xaso.dossiers;

import java.time.Instant;

/**
 * The citizen's consent to an assisted submission: who consented (the citizen's name), how, when, and a
 * reference (the scanned paper's file name, the OTP transaction or the witness).
 */
public record Consent(String consentedBy, Method method, Instant at, String reference) {

	public enum Method {
		/** Giấy ủy quyền / đồng ý có chữ ký, đã quét. */
		SIGNED_PAPER,
		/** Mã OTP gửi tới điện thoại của người dân. */
		OTP,
		/** Người dân có mặt và đồng ý trực tiếp. */
		IN_PERSON;

		/** The bundle key of the consent method's name (pages show {@code page.t(key())}). */
		public String key() {
			return "dossiers.consent." + name();
		}

		/** The Vietnamese consent method's name (the dossiers bundle's {@code dossiers.consent.<NAME>}), for what is printed or kept. */
		public String label() {
			return DossierException.vietnamese(key());
		}
	}
}
