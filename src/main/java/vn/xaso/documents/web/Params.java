package vn.xaso.documents.web;

import org.jspecify.annotations.Nullable;

/** Reading optional query and form parameters the same way on every documents page. */
final class Params {

	private Params() {
	}

	static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static int parseInt(@Nullable String s, int fallback) {
		try {
			return s == null ? fallback : Integer.parseInt(s.strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
