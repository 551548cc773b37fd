package vn.xaso.platform.web;

import org.springframework.web.util.UriComponentsBuilder;

/** One page of a list: position, size and total, and links that keep the other query parameters. */
public record Paging(int page, int size, long total, String baseUri) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 100;

	public Paging {
		if (page < 0) {
			throw new IllegalArgumentException("page < 0");
		}
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
		var base = UriComponentsBuilder.fromPath(path);
		params.forEach((k, v) -> {
			if (!k.equals("page") && v != null && !v.isBlank()) {
				base.queryParam(k, v);
			}
		});
		return of(page, DEFAULT_SIZE, total, base.encode().build().toUriString());
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
		return page + 1 < pages();
	}

	public String link(int target) {
		return UriComponentsBuilder.fromUriString(baseUri).replaceQueryParam("page", target).build().toUriString();
	}
}
