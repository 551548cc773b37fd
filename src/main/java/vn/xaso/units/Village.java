package vn.xaso.units;

/**
 * A village-level unit of a commune (thôn, xóm, bản, tổ dân phố, ấp, khu phố).
 *
 * @param code the commune code, a dash and a sequence number, e.g. "14701-03"
 * @param name the proper name without the type, e.g. "Đông Hạ" (shown as "Thôn Đông Hạ")
 * @param type one of {@link #TYPES}
 */
public record Village(long id, String communeCode, String code, String name, String type, boolean active) {

	/** The kind most villages are (a rural "thôn"). */
	public static final String HAMLET = "Thôn";

	/** A town's neighbourhood group ("tổ dân phố"). */
	public static final String STREET_GROUP = "Tổ dân phố";

	/** The kinds, as stored and printed (data: the words of the official unit lists). */
	public static final java.util.List<String> TYPES = java.util.List.of(HAMLET, "Xóm", "Bản", STREET_GROUP, "Ấp", "Khu phố");

	/** The name as people say it: type and name, e.g. "Thôn Đông Hạ". */
	public String fullName() {
		return type + " " + name;
	}
}
