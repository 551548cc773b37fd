package vn.xaso.meetings.internal;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

import vn.xaso.meetings.MeetingsException;

/** Checks of typed text: trimmed, NFC, within its length, or a refusal on its field. */
final class Entry {

	private Entry() {
	}

	static String text(String field, @Nullable String value, int min, int max, String key) {
		var v = value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
		if (v.length() < min || v.length() > max) {
			throw new MeetingsException(field, key);
		}
		return v;
	}

	static @Nullable String optional(String field, @Nullable String value, int max, String key) {
		var v = value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
		if (v.length() > max) {
			throw new MeetingsException(field, key);
		}
		return v.isEmpty() ? null : v;
	}
}
