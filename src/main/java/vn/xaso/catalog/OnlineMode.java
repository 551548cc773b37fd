package vn.xaso.catalog;

/** How far a procedure can be done online (Nghị định 42/2022/NĐ-CP, Điều 11). */
public enum OnlineMode {
	/** Dịch vụ công trực tuyến toàn trình: submit, pay and receive the result online. */
	FULL,
	/** Một phần: submit online, some steps (originals, signatures, result) at the counter. */
	PARTIAL,
	/** Only at the counter (Bộ phận một cửa). */
	COUNTER_ONLY;

	public boolean online() {
		return this != COUNTER_ONLY;
	}

	public String describe() {
		return switch (this) {
			case FULL -> "Trực tuyến toàn trình: nộp hồ sơ, nộp phí và nhận kết quả qua mạng";
			case PARTIAL -> "Trực tuyến một phần: nộp hồ sơ qua mạng, một số bước làm tại bộ phận một cửa";
			case COUNTER_ONLY -> "Chỉ nộp trực tiếp tại bộ phận một cửa";
		};
	}
}
