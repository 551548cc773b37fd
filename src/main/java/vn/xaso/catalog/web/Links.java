package vn.xaso.catalog.web;

import org.jspecify.annotations.Nullable;

/** Links the catalogue's templates build. */
public final class Links {

	private Links() {
	}

	public static String page(String code, @Nullable String unit) {
		return PublicProceduresController.pageUrl(code, unit);
	}

	public static String edit(String code) {
		return org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/procedures/{code}/edit")
			.buildAndExpand(code)
			.encode()
			.toUriString();
	}
}
