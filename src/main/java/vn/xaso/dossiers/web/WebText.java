package vn.xaso.dossiers.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pages' notices and problems from the dossiers bundle ({@code i18n/dossiers}) in the reader's language
 * (Vietnamese; English with {@code ?lang=en}), for texts a handler puts in the model rather than the template.
 */
public final class WebText {

	private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

	static {
		BUNDLE.setBasenames("i18n/dossiers");
		BUNDLE.setDefaultEncoding("UTF-8");
		BUNDLE.setFallbackToSystemLocale(false);
	}

	private WebText() {
	}

	/** The text of {@code key} for the current request's language; arguments are passed as strings. */
	public static String t(String key, Object... args) {
		return t(locale(), key, args);
	}

	/** The current request's language; Vietnamese outside a request (never the machine's own language). */
	public static java.util.Locale locale() {
		var context = LocaleContextHolder.getLocaleContext();
		var locale = context == null ? null : context.getLocale();
		return locale == null ? java.util.Locale.ROOT : locale;
	}

	/** The text of {@code key} in {@code locale} (the API passes the caller's language, see {@code Problems.locale}). */
	public static String t(java.util.Locale locale, String key, Object... args) {
		return BUNDLE.getMessage(key, args, locale);
	}
}
