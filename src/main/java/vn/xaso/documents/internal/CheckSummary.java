package vn.xaso.documents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/**
 * The summary of a PDF's signature check as the register keeps it ({@code document.signature_summary}): not its words
 * but the message — a key of the signing or documents bundle and its arguments, separated by U+001F — said in the
 * reader's language when shown. A failed check quotes the signing refusal the same way (its key and arguments after
 * {@code documents.text.checkFailedBecause}). A summary kept in words before (V202612150700 turned the ones it could
 * into keys) is shown as it is.
 */
final class CheckSummary {

	static final String FAILED = "documents.text.checkFailed";
	static final String FAILED_BECAUSE = "documents.text.checkFailedBecause";
	private static final String SEPARATOR = "\u001f";
	private static final Pattern KEY = Pattern.compile("(signing|documents)(\\.[A-Za-z0-9]+)+");

	private CheckSummary() {
	}

	/** The message {@code key} with {@code args}, as stored. */
	static String stored(Refusal.Quoted said) {
		return stored(said.key(), said.args());
	}

	/** A failed check quoting the signing refusal {@code key} with {@code args}, as stored. */
	static String failedBecause(String key, Object... args) {
		var all = new ArrayList<Object>();
		all.add(key);
		all.addAll(Arrays.asList(args));
		return stored(FAILED_BECAUSE, all.toArray());
	}

	static String stored(String key, Object... args) {
		var parts = new ArrayList<String>();
		parts.add(key);
		for (var a : args) {
			parts.add(String.valueOf(a).replace(SEPARATOR, " "));
		}
		return String.join(SEPARATOR, parts);
	}

	/** The stored summary in {@code locale}; null stays null, words kept before stay as they are. */
	static @Nullable String said(@Nullable String stored, Locale locale) {
		if (stored == null) {
			return null;
		}
		var parts = List.of(stored.split(SEPARATOR, -1));
		var key = parts.getFirst();
		if (!KEY.matcher(key).matches()) {
			return stored;
		}
		Object[] args = parts.subList(1, parts.size()).toArray();
		if (key.equals(FAILED_BECAUSE) && parts.size() > 1 && KEY.matcher(parts.get(1)).matches()) {
			args = new Object[] { text(locale, parts.get(1), parts.subList(2, parts.size()).toArray()) };
		}
		return text(locale, key, args);
	}

	/** The current request's language; Vietnamese outside a request (never the machine's own language). */
	static Locale readerLocale() {
		var context = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
		var locale = context == null ? null : context.getLocale();
		return locale == null ? Locale.ROOT : locale;
	}

	private static String text(Locale locale, String key, Object[] args) {
		return Refusal.textIn(key.startsWith("signing.") ? "i18n/signing" : "i18n/documents", locale, key, args);
	}
}
