package vn.xaso.documents.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.identity.Role;

/** The checks every documents use case makes on its input and caller. */
final class DocumentRules {

	private DocumentRules() {
	}

	/** The text NFC-normalised and stripped, refused with the bundle message {@code key} outside {@code min..max} or with NUL. */
	static String text(String field, @Nullable String value, int min, int max, String key, Object... args) {
		var v = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
		if (v.length() < min || v.length() > max || v.indexOf('\u0000') >= 0) {
			throw DocumentException.of(field, key, args);
		}
		return v;
	}

	/** Commune codes written with commas, semicolons or spaces between them. */
	static List<String> codes(String text) {
		return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	/** The lines of a recipients list without list marks and closing punctuation. */
	static List<String> lines(String text) {
		return text.lines().map(String::strip).map(l -> l.replaceAll("^[-–•]\\s*", "").replaceAll("[;.]+$", ""))
			.filter(l -> !l.isBlank()).toList();
	}

	static void require(Actor actor, Role role) {
		if (!actor.has(role)) {
			throw new AccessDeniedException("only " + role);
		}
	}

	static void requireDrafter(Actor actor) {
		if (!actor.drafter()) {
			throw new AccessDeniedException("only leaders, specialists, clerks and one-stop officers draft documents");
		}
	}
}
