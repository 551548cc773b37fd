package vn.xaso.dossiers.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Keyboard shortcuts (HTML {@code accesskey}) of the officials' dossier pages, shown next to each button:
 * Alt + the letter in Chrome and Edge, Alt + Shift + the letter in Firefox. No two controls on one page share a
 * letter: the actions that share one never appear in the same state.
 */
public final class Keys {

	private static final Map<String, String> KEYS = Map.of(
			"receive", "t",
			"receive_assign", "g",
			"assign", "g",
			"propose", "p",
			"approve", "k",
			"release", "c",
			"release_return", "r",
			"return", "r",
			"next", "n",
			"batch_sign", "k");

	private Keys() {
	}

	/** The access key of an action or control, or null when it has none. */
	public static @Nullable String of(String action) {
		return KEYS.get(action);
	}

	/** How the shortcut reads on screen: "Alt+K". */
	public static @Nullable String shown(String action) {
		var key = of(action);
		return key == null ? null : "Alt+" + key.toUpperCase(java.util.Locale.ROOT);
	}
}
