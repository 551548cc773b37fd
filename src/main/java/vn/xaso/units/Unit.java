package vn.xaso.units;

import org.jspecify.annotations.Nullable;

/**
 * A current administrative unit (since 1 July 2025).
 *
 * @param code 2 digits for a province, 5 for a commune (GSO codes)
 * @param name full name with its type, NFC, e.g. "Xã Yên Mô", "Tỉnh Ninh Bình"
 * @param shortName the name without the type, e.g. "Yên Mô"
 * @param type "Tỉnh", "Thành phố", "Xã", "Phường" or "Đặc khu"
 * @param level {@link #PROVINCE} or {@link #COMMUNE}
 * @param parentCode the province of a commune; null for a province
 * @param provinceCode the province (a province's own code)
 */
public record Unit(String code, String name, String shortName, String type, String level,
		@Nullable String parentCode, String provinceCode) {

	public static final String PROVINCE = "province";
	public static final String COMMUNE = "commune";
}
