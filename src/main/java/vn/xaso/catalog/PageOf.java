package vn.xaso.catalog;

import java.util.List;

/** One page of a list: the items, the zero-based page number, the page size and the total count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

	public PageOf {
		items = List.copyOf(items);
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / Math.max(1, size));
	}
}
