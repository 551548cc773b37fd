package vn.xaso.cameras.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.cameras.CameraException;

/** Checks of what people type on the camera forms; each refusal names its field and message. */
final class CameraInput {

	private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
	private static final Set<String> STREAM_SCHEMES = Set.of("rtsp", "rtsps", "http", "https");
	private static final Set<String> SNAPSHOT_SCHEMES = Set.of("http", "https");

	private CameraInput() {
	}

	/** Stripped text within its length and without control characters (line breaks allowed when {@code lines}). */
	static String text(@Nullable String value, String field, int min, int max, boolean lines, String key) {
		var v = value == null ? "" : value.strip().replace("\r\n", "\n");
		boolean bad = v.chars().anyMatch(c -> c < 0x20 && !(lines && c == '\n'));
		if (bad || v.length() < min || v.length() > max) {
			throw new CameraException(field, key);
		}
		return v;
	}

	static @Nullable String optional(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static @Nullable Long id(@Nullable String value, String field, String key) {
		var v = optional(value);
		if (v == null) {
			return null;
		}
		if (!v.matches("[0-9]{1,18}")) {
			throw new CameraException(field, key);
		}
		return Long.parseLong(v);
	}

	/** A coordinate within ±{@code limit}, six decimals at most; a comma is taken for the decimal point. */
	static @Nullable BigDecimal degrees(@Nullable String value, String field, int limit) {
		var v = optional(value);
		if (v == null) {
			return null;
		}
		v = v.replace(',', '.');
		if (!v.matches("-?[0-9]{1,3}(\\.[0-9]{1,6})?") || Math.abs(Double.parseDouble(v)) > limit) {
			throw new CameraException(field, "cameras.error.coordinate");
		}
		return new BigDecimal(v);
	}

	/** A stream (RTSP or HLS over HTTP(S)) or snapshot (HTTP(S)) address: an absolute URL with a host, no spaces. */
	static String address(@Nullable String value, String field, boolean stream) {
		var v = text(value, field, 1, 500, false, "cameras.error." + field);
		try {
			var uri = new URI(v);
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			if (!(stream ? STREAM_SCHEMES : SNAPSHOT_SCHEMES).contains(scheme) || uri.getHost() == null || uri.getHost().isBlank()) {
				throw new CameraException(field, "cameras.error." + field);
			}
			return v;
		}
		catch (URISyntaxException e) {
			throw new CameraException(field, "cameras.error." + field);
		}
	}

	/** A day typed as people write it (31/12/2026) or sent by a date field (2026-12-31). */
	static LocalDate day(@Nullable String typed, String field, String key) {
		var v = typed == null ? "" : typed.strip();
		try {
			return v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(v) : LocalDate.parse(v, TYPED_DAY);
		}
		catch (DateTimeParseException e) {
			throw new CameraException(field, key);
		}
	}
}
