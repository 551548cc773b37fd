package vn.xaso.setup.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.documents.DocumentException;
import vn.xaso.platform.Refusal;
import vn.xaso.signing.SigningException;

/**
 * A setup input or order problem with a plain message per field (null field: the whole page, {@code "_page"}). A
 * refusal made with {@link #of} names a message of the setup bundle ({@code i18n/setup}); one that quotes another
 * module's refusal keeps that refusal's texts ({@link #quoting}). {@link #errors()} and {@link #getMessage()} are the
 * Vietnamese texts (the command line, logs), pages show {@link #localErrors()} in the reader's language.
 */
public class SetupException extends Refusal {

	static final String BUNDLE = "i18n/setup";

	/** The bundles of the modules whose refusals setup quotes without a {@link Refusal} text (documents, signing). */
	private static final ResourceBundleMessageSource QUOTED = new ResourceBundleMessageSource();

	static {
		QUOTED.setBasenames("i18n/documents", "i18n/signing");
		QUOTED.setDefaultEncoding("UTF-8");
		QUOTED.setFallbackToSystemLocale(false);
	}

	/** A text in any language: a message of the setup bundle, or another module's refusal quoted. */
	@FunctionalInterface
	public interface Said {

		String in(Locale locale);

		/** The Vietnamese text (the commune's language: the command line, stored texts). */
		default String vietnamese() {
			return in(Locale.ROOT);
		}

		/** The text in the current request's language. */
		default String local() {
			return in(LocaleContextHolder.getLocale());
		}
	}

	/** Field → text, in the order added; {@link #refusal()} throws them all at once. */
	public static final class Errors {

		private final Map<String, Said> texts = new LinkedHashMap<>();

		public Errors add(String field, Said text) {
			texts.put(field, text);
			return this;
		}

		public Errors add(String field, String key, Object... args) {
			return add(field, text(key, args));
		}

		public boolean isEmpty() {
			return texts.isEmpty();
		}

		public SetupException refusal() {
			return new SetupException(texts);
		}
	}

	private final Map<String, Said> texts;

	/** A message already written out ({@code field} null: the whole page). */
	public SetupException(@Nullable String field, String message) {
		super(field == null ? "_page" : field, message);
		this.texts = Map.of();
	}

	private SetupException(Map<String, Said> texts) {
		this(Collections.unmodifiableMap(new LinkedHashMap<>(texts)), vietnamese(texts));
	}

	private SetupException(Map<String, Said> texts, Map<String, String> vietnamese) {
		super(vietnamese, vietnamese.values().iterator().next());
		this.texts = texts;
	}

	/** A refusal of {@code field} (null: the whole page) with the message {@code key} of the setup bundle. */
	public static SetupException of(@Nullable String field, String key, Object... args) {
		return new Errors().add(field == null ? "_page" : field, text(key, args)).refusal();
	}

	/** A refusal of {@code field} (null: the whole page) with {@code text}. */
	public static SetupException of(@Nullable String field, Said text) {
		return new Errors().add(field == null ? "_page" : field, text).refusal();
	}

	/** Another module's refusal shown for {@code field}: its messages in the reader's language, joined. */
	public static SetupException quoting(@Nullable String field, RuntimeException other) {
		return of(field, quote(other));
	}

	/**
	 * The message {@code key} of the setup bundle; an argument that is itself a {@link Said} is said in the same
	 * language.
	 */
	public static Said text(String key, Object... args) {
		return locale -> Refusal.textIn(BUNDLE, locale, key,
				Arrays.stream(args).map(a -> a instanceof Said said ? said.in(locale) : a).toArray());
	}

	/** The Vietnamese text of the setup bundle's message {@code key} (the command line, stored texts). */
	public static String vietnamese(String key, Object... args) {
		return text(key, args).vietnamese();
	}

	/** Another module's refusal as a text: its messages in the reader's language (written-out ones as they are). */
	public static Said quote(RuntimeException other) {
		return locale -> switch (other) {
			case SetupException e -> e.message(locale);
			case DocumentException e -> e.message(QUOTED, locale);
			case Refusal e -> String.join(" ", e.errors(locale).values());
			case SigningException e -> e.message(QUOTED, locale);
			default -> String.valueOf(other.getMessage());
		};
	}

	/** Each field's text as a {@link Said} (a written-out refusal's as it is). */
	public Map<String, Said> texts() {
		if (!texts.isEmpty()) {
			return texts;
		}
		var out = new LinkedHashMap<String, Said>();
		errors().forEach((field, text) -> out.put(field, locale -> text));
		return out;
	}

	@Override
	public Map<String, String> errors(Locale locale) {
		if (texts.isEmpty()) {
			return errors();
		}
		var out = new LinkedHashMap<String, String>();
		texts.forEach((field, text) -> out.put(field, text.in(locale)));
		return Collections.unmodifiableMap(out);
	}

	@Override
	public String message(Locale locale) {
		return texts.isEmpty() ? String.valueOf(getMessage()) : String.join(" ", errors(locale).values());
	}

	private static Map<String, String> vietnamese(Map<String, Said> texts) {
		var out = new LinkedHashMap<String, String>();
		texts.forEach((field, text) -> out.put(field, text.vietnamese()));
		return Collections.unmodifiableMap(out);
	}
}
