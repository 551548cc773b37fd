package vn.xaso.platform;

/**
 * Text a person typed, made safe inside a SQL {@code LIKE}/{@code ILIKE} pattern: {@code %} and
 * {@code _} (and the escape character {@code \}) match themselves, so a search for "%" or "_" finds
 * only what contains that character instead of everything. PostgreSQL's default LIKE escape is
 * {@code \}; {@code xaso_fold} leaves these characters unchanged.
 */
public final class SqlLike {

	private SqlLike() {
	}

	/** The text with LIKE wildcards escaped (no surrounding {@code %}). */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** {@code %text%} with the text's wildcards escaped. */
	public static String contains(String text) {
		return "%" + escape(text) + "%";
	}
}
