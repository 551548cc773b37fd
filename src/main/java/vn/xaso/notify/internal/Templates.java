package vn.xaso.notify.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import vn.xaso.notify.NotifyException;

/**
 * Message templates from Spring's {@link MessageSource}: {@code <template>.subject},
 * {@code <template>.text} (required) and {@code <template>.short} (optional; the subject when
 * absent). Placeholders are {@code {name}} — a letter then letters, digits, '_' or '.' — filled
 * with the notice's params as plain text; every placeholder needs a value. Texts are taken as
 * written (no MessageFormat: apostrophes need no doubling, {@code {0}} is left alone). Short texts
 * are cut to {@value #SHORT_MAX} characters.
 */
@Component
public class Templates {

	public static final int SHORT_MAX = 160;
	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)\\}");
	private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

	private final MessageSource messages;

	Templates(MessageSource messages) {
		this.messages = messages;
	}

	public record Rendered(String subject, String text, String shortText) {
	}

	public Rendered render(String template, Map<String, String> params) {
		if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
			throw NotifyException.of("template", "notify.error.templateName", String.valueOf(template));
		}
		var subject = required(template, "subject");
		var text = required(template, "text");
		var shortText = optional(template + ".short");
		var renderedSubject = fill(template + ".subject", subject, params).replaceAll("\\s+", " ").strip();
		var renderedShort = shortText == null ? renderedSubject : fill(template + ".short", shortText, params).replaceAll("\\s+", " ").strip();
		return new Rendered(cut(renderedSubject, 250), fill(template + ".text", text, params), cut(renderedShort, SHORT_MAX));
	}

	private String required(String template, String part) {
		var value = optional(template + "." + part);
		if (value == null) {
			throw NotifyException.of("template", "notify.error.templateMissing", template, template + "." + part);
		}
		return value;
	}

	private @Nullable String optional(String key) {
		try {
			var value = messages.getMessage(key, null, VIETNAMESE);
			return value.isBlank() ? null : value;
		}
		catch (NoSuchMessageException e) {
			return null;
		}
	}

	/** Replaces each {@code {name}} with its value; a placeholder without a value is an error. */
	static String fill(String key, String text, Map<String, String> params) {
		Matcher m = PLACEHOLDER.matcher(text);
		var out = new StringBuilder();
		while (m.find()) {
			var value = params.get(m.group(1));
			if (value == null) {
				throw NotifyException.of("params", "notify.error.templateParam", key, m.group(1));
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	public static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
	}
}
