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

	/** In plain Vietnamese. */
	public String describe() {
		return describe(java.util.Locale.ROOT);
	}

	/** In {@code locale} (the catalog bundle's {@code catalog.onlineMode.<NAME>}). */
	public String describe(java.util.Locale locale) {
		return vn.xaso.platform.Refusal.textIn(CatalogException.BUNDLE, locale, "catalog.onlineMode." + name());
	}
}
