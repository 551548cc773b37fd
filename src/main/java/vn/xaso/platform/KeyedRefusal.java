package vn.xaso.platform;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A {@link Refusal} of one field with one message of the module's bundle — the shape of most modules' exceptions
 * ({@code FarmException}, {@code HealthException}, {@code PortalException}, …), each only a constructor over this.
 * {@link #key()} and {@link #args()} name the message, {@link #getMessage()} is its Vietnamese text (for logs),
 * pages show it in the reader's language ({@link #localMessage()}, or {@link #message(MessageSource, Locale)}).
 */
public abstract class KeyedRefusal extends Refusal {

	private final boolean wholeRequest;
	private final String key;
	private final Object[] args;

	/** {@code field}: the input at fault, null (or {@code ""}) for the whole request; {@code key}: a message of {@code bundle}. */
	protected KeyedRefusal(String bundle, @Nullable String field, String key, Object... args) {
		super(bundle, Map.of(field == null ? "" : field, new Text(key, args)));
		this.wholeRequest = field == null;
		this.key = key;
		this.args = args;
	}

	/** The input at fault; null when the refusal was made for the whole request with a null field. */
	@Override
	public @Nullable String field() {
		return wholeRequest ? null : super.field();
	}

	/** The message's key in the module's bundle. */
	@Override
	public String key() {
		return key;
	}

	/** The message's arguments. */
	public Object[] args() {
		return args.clone();
	}

	/** The message in {@code locale}, from the application's messages (the Vietnamese text if it has none). */
	public String message(MessageSource messages, Locale locale) {
		return messages.getMessage(key, arguments(args, locale), String.valueOf(getMessage()), locale);
	}
}
