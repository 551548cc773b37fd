package vn.xaso.platform;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blanks a template or form leaves for the drafter to fill in — "…", "...", "[…]", "[...]", "{{…}}" — which must
 * never reach a signature (issue 21: nothing is signed with blanks). Used before every signature of a result or a
 * document.
 */
public final class Blanks {

	/** The markers, longest first, as a person would see them in the message. */
	private static final List<String> MARKERS = List.of("[…]", "[...]", "{{", "}}", "…", "...");
	private static final Pattern DOTS = Pattern.compile("\\.{3,}|…|\\[\\s*(…|\\.{3})\\s*\\]|\\{\\{|\\}\\}");

	private Blanks() {
	}

	/** The first blank marker in {@code text}, if any. */
	public static Optional<String> in(String text) {
		if (text == null || !DOTS.matcher(text).find()) {
			return Optional.empty();
		}
		return MARKERS.stream().filter(text::contains).findFirst();
	}

	/**
	 * The line around the first blank of {@code text} (at most 60 characters), so a message can say where it is:
	 * "Điều 1. …".
	 */
	public static String where(String text) {
		var m = DOTS.matcher(text);
		if (!m.find()) {
			return "";
		}
		int start = text.lastIndexOf('\n', m.start()) + 1;
		int end = text.indexOf('\n', m.end());
		var line = text.substring(start, end < 0 ? text.length() : end).strip();
		return line.length() > 60 ? line.substring(0, 57) + "…" : line;
	}
}
