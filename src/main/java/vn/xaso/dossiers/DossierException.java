package vn.xaso.dossiers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.platform.Refusal;

/**
 * Bad input or a step not allowed; messages per field ("" for the whole request). A refusal made with
 * {@link #of(String, String, Object...)} or {@link #of(Map)} names messages of the dossiers bundle
 * ({@code i18n/dossiers}): {@link #errors()} and {@link #getMessage()} are the Vietnamese texts, and pages and the
 * API show {@link #errors(Locale)} / {@link #message(MessageSource, Locale)} in the reader's language.
 */
public class DossierException extends Refusal {

	private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

	static {
		// the e-form's checks come from the catalog's bundle, a CCCD number's from the shared kernel's
		BUNDLE.setBasenames("i18n/dossiers", "i18n/catalog", "i18n/platform");
		BUNDLE.setDefaultEncoding("UTF-8");
		BUNDLE.setFallbackToSystemLocale(false);
	}

	/** One field's message: a key of the dossiers bundle (or of the catalog's e-form checks) and its arguments. */
	public record Message(String key, Object... args) {

		/** A text written out elsewhere (e.g. by a signing library), shown as it is in every language. */
		public static Message written(String text) {
			return new Message(text);
		}

		/** The text in {@code locale}; an argument that is another module's refusal (e.g. an account's) is shown in that language too. */
		String in(Locale locale) {
			return BUNDLE.getMessage(key, Refusal.arguments(args, locale), key, locale);
		}
	}

	private final Map<String, Message> messages;

	/** A message already written out (kept for the texts that come from elsewhere, e.g. a signing library). */
	public DossierException(String field, String message) {
		super(field, message);
		this.messages = Map.of();
	}

	public DossierException(Map<String, String> errors) {
		super(errors, String.join(" ", errors.values()));
		this.messages = Map.of();
	}

	/** One field's refusal with a message of the dossiers bundle (for subclasses). */
	protected DossierException(String field, Message message) {
		this(Map.of(field, message), Map.of(field, message.in(Locale.ROOT)));
	}

	private DossierException(Map<String, Message> messages, Map<String, String> vietnamese) {
		super(vietnamese, String.join(" ", vietnamese.values()));
		this.messages = Map.copyOf(messages);
	}

	/** A refusal of {@code field} with the message {@code key} of the dossiers bundle. */
	public static DossierException of(String field, String key, Object... args) {
		return of(Map.of(field, new Message(key, args)));
	}

	/** A refusal of several fields (in the order given), each with a message of the dossiers bundle. */
	public static DossierException of(Map<String, Message> messages) {
		var vietnamese = new LinkedHashMap<String, String>();
		messages.forEach((field, message) -> vietnamese.put(field, message.in(Locale.ROOT)));
		return new DossierException(messages, vietnamese);
	}

	/** The Vietnamese text of a message of the dossiers bundle (for texts kept with a result, e.g. a batch's outcome). */
	public static String vietnamese(String key, Object... args) {
		return BUNDLE.getMessage(key, args, key, Locale.ROOT);
	}

	/** Field → message (the keyed ones; a written-out refusal's texts as {@link Message#written}). */
	public Map<String, Message> messages() {
		if (!messages.isEmpty()) {
			return messages;
		}
		var out = new LinkedHashMap<String, Message>();
		errors().forEach((field, text) -> out.put(field, Message.written(text)));
		return out;
	}

	/** The key of the (first) message, or null when the refusal was written out. */
	public @Nullable String key() {
		var first = messages.get(field());
		return first == null ? null : first.key();
	}

	/** Field → message in the reader's language (the Vietnamese ones for a written-out refusal). */
	public Map<String, String> errors(Locale locale) {
		if (messages.isEmpty()) {
			return errors();
		}
		var out = new LinkedHashMap<String, String>();
		errors().forEach((field, vietnamese) -> {
			var message = messages.get(field);
			out.put(field, message == null ? vietnamese : message.in(locale));
		});
		return out;
	}

	/** The messages in the reader's language, joined. */
	public String message(MessageSource messages, Locale locale) {
		return String.join(" ", errors(locale).values());
	}
}
