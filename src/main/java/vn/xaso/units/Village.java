package vn.xaso.units;

/**
 * A village-level unit of a commune (thôn, xóm, bản, tổ dân phố, ấp, khu phố).
 *
 * @param code the commune code, a dash and a sequence number, e.g. "14701-03"
 * @param name the proper name without the type, e.g. "Đông Hạ" (shown as "Thôn Đông Hạ")
 * @param type one of {@link #TYPES}
 */
public record Village(long id, String communeCode, String code, String name, String type, boolean active) {

	public static final java.util.List<String> TYPES = java.util.List.of("Thôn", "Xóm", "Bản", "Tổ dân phố", "Ấp",
			"Khu phố");

	/** The name as people say it: type and name, e.g. "Thôn Đông Hạ". */
	public String fullName() {
		return type + " " + name;
	}
}
