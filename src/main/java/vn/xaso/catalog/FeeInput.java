package vn.xaso.catalog;

/** What a fee depends on: the number of pages of one copy and the number of copies. */
public record FeeInput(int pages, int copies) {

	public FeeInput {
		if (pages < 0 || copies < 0) {
			throw new IllegalArgumentException("pages and copies must not be negative");
		}
	}

	public static FeeInput single() {
		return new FeeInput(1, 1);
	}
}
