package vn.xaso.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A request refused because of its input or because the step is not allowed now: plain Vietnamese messages,
 * each for a form field ({@code ""} for the whole request), so the page can show them beside the fields and
 * the API can answer them as {@code errors}. Each module throws its own subclass (e.g. {@code DossierException})
 * so its handlers catch only its own refusals; nothing is changed when one is thrown.
 * <p>
 * A refusal made from {@link Text}s names messages of the module's bundle ({@code i18n/<module>}; several, comma-separated,
 * are searched in order):
 * {@link #errors()} and {@link #getMessage()} are the Vietnamese texts (for logs and callers without a locale),
 * pages and the API show {@link #errors(Locale)} / {@link #message(Locale)} in the reader's language.
 */
public abstract class Refusal extends RuntimeException {

	private static final Map<String, ResourceBundleMessageSource> BUNDLES = new ConcurrentHashMap<>();

	/** One field's message: a key of the module's bundle and its arguments. */
	public record Text(String key, Object... args) {
	}

	/**
	 * A message of another module's bundle passed as an argument (e.g. a signing refusal inside a document's): said in
	 * the language of the message around it.
	 */
	public record Quoted(String bundle, String key, Object... args) {
	}

	private final Map<String, String> errors;
	private final Map<String, Text> texts;
	private final String bundle;
	private final String separator;

	/** One message for one field. */
	protected Refusal(String field, String message) {
		super(message);
		this.errors = Map.of(field, message);
		this.texts = Map.of();
		this.bundle = "";
		this.separator = " ";
	}

	/** Several messages (in the order given), with the exception's message made of them by the subclass. */
	protected Refusal(Map<String, String> errors, String message) {
		super(message);
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		this.texts = Map.of();
		this.bundle = "";
		this.separator = " ";
	}

	/** Messages of the bundle {@code bundle} (e.g. {@code "i18n/radio"}) by field, in the order given; the exception's message joins the Vietnamese texts with a space. */
	protected Refusal(String bundle, Map<String, Text> texts) {
		this(bundle, texts, " ");
	}

	/** Like {@link #Refusal(String, Map)}, joining the Vietnamese texts with {@code separator}. */
	protected Refusal(String bundle, Map<String, Text> texts, String separator) {
		this(bundle, Collections.unmodifiableMap(new LinkedHashMap<>(texts)), resolve(bundle, texts, Locale.ROOT), separator);
	}

	private Refusal(String bundle, Map<String, Text> texts, Map<String, String> vietnamese, String separator) {
		super(String.join(separator, vietnamese.values()));
		this.errors = vietnamese;
		this.texts = texts;
		this.bundle = bundle;
		this.separator = separator;
	}

	/** The Vietnamese text of {@code key} in {@code bundle}: for texts stored or kept with a result. */
	public static String bundleText(String bundle, String key, Object... args) {
		return textIn(bundle, Locale.ROOT, key, args);
	}

	/** The text of {@code key} in {@code bundle} in {@code locale} (for modules whose refusals are not {@code Refusal}s). */
	public static String textIn(String bundle, Locale locale, String key, Object... args) {
		return source(bundle).getMessage(key, arguments(args, locale), key, locale);
	}

	/**
	 * The arguments of a message in {@code locale}: one that is itself a refusal (another module's, e.g. an account's, passed as
	 * the reason) is its text in that language, not its {@code toString()}.
	 */
	public static Object[] arguments(Object[] args, Locale locale) {
		if (args == null) {
			return new Object[0];
		}
		var shown = args.clone();
		for (int i = 0; i < shown.length; i++) {
			if (shown[i] instanceof Refusal r) {
				shown[i] = r.message(locale);
			}
			else if (shown[i] instanceof Quoted q) {
				shown[i] = textIn(q.bundle(), locale, q.key(), q.args());
			}
		}
		return shown;
	}

	/** The text of {@code key} in {@code bundle} in the current request's language (for texts a web layer writes itself). */
	public static String localText(String bundle, String key, Object... args) {
		return textIn(bundle, LocaleContextHolder.getLocale(), key, args);
	}

	/** Field → message, in the order given (Vietnamese). */
	public Map<String, String> errors() {
		return errors;
	}

	/** Field → message in {@code locale} (the Vietnamese ones for a written-out refusal). */
	public Map<String, String> errors(Locale locale) {
		if (texts.isEmpty()) {
			return errors;
		}
		return resolve(bundle, texts, locale);
	}

	/** The messages in {@code locale}, joined. */
	public String message(Locale locale) {
		return texts.isEmpty() ? String.valueOf(getMessage()) : String.join(separator, errors(locale).values());
	}

	/** The messages in the current request's language ({@link LocaleContextHolder}), joined. */
	public String localMessage() {
		return message(LocaleContextHolder.getLocale());
	}

	/** Field → message in the current request's language. */
	public Map<String, String> localErrors() {
		return errors(LocaleContextHolder.getLocale());
	}

	/** The bundle key of the (first) message, or null when the refusal was written out. */
	public @Nullable String key() {
		return texts.isEmpty() ? null : texts.values().iterator().next().key();
	}

	/** The (first) form field at fault, {@code ""} for the whole request. */
	public String field() {
		return errors.isEmpty() ? "" : errors.keySet().iterator().next();
	}

	private static Map<String, String> resolve(String bundle, Map<String, Text> texts, Locale locale) {
		var source = source(bundle);
		var out = new LinkedHashMap<String, String>();
		texts.forEach((field, text) -> out.put(field, source.getMessage(text.key(), arguments(text.args(), locale), text.key(), locale)));
		return Collections.unmodifiableMap(out);
	}

	private static ResourceBundleMessageSource source(String bundle) {
		return BUNDLES.computeIfAbsent(bundle, name -> {
			var source = new ResourceBundleMessageSource();
			source.setBasenames(name.split(","));
			source.setDefaultEncoding("UTF-8");
			source.setFallbackToSystemLocale(false);
			return source;
		});
	}
}
