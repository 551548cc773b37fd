package vn.xaso.platform.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list: position, size and total, and links that keep the other query parameters. {@code more}: the
 * total is a lower bound (a capped count: "Trang 1 / hơn 50"), there are more rows after it.
 */
public record Paging(int page, int size, long total, String baseUri, boolean more) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 100;

	public Paging {
		if (page < 0) {
			throw new IllegalArgumentException("page < 0");
		}
	}

	/** An exact total. */
	public Paging(int page, int size, long total, String baseUri) {
		this(page, size, total, baseUri, false);
	}

	/** Clamps user-given values: negative page → 0, size to 1..100. */
	public static Paging of(int page, int size, long total, String baseUri) {
		return new Paging(Math.max(0, page), Math.min(MAX_SIZE, Math.max(1, size)), total, baseUri);
	}

	/**
	 * A page of a list at {@code path}, with links that keep the request's other (non-blank) query
	 * parameters, so filters survive paging.
	 */
	public static Paging of(int page, long total, String path, java.util.Map<String, String> params) {
		return of(page, total, false, path, params);
	}

	/** As {@link #of(int, long, String, java.util.Map)}; {@code more}: {@code total} is a capped count, there are more. */
	public static Paging of(int page, long total, boolean more, String path, java.util.Map<String, String> params) {
		var base = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (!k.equals("page") && v != null && !v.isBlank()) {
				base.queryParam(k, v);
			}
		});
		var exact = of(page, DEFAULT_SIZE, total, base.encode().build().toUriString());
		return new Paging(exact.page(), exact.size(), total, exact.baseUri(), more);
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public int offset() {
		return page * size;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < pages() || more;
	}

	public String link(int target) {
		return UriComponentsBuilder.fromUriString(baseUri).replaceQueryParam("page", target).build().toUriString();
	}
}
