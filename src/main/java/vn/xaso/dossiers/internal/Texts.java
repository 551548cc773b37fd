package vn.xaso.dossiers.internal;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.dossiers.DossierException;

/**
 * The module's Vietnamese texts from its bundle ({@code i18n/dossiers.properties}, English in {@code _en}):
 * the notes the timeline stores and the labels printed on Vietnamese papers. Arguments are passed as strings (no
 * number formatting). Refusals keep their key, so pages and the API show them in the reader's language.
 */
final class Texts {

	private static final ResourceBundleMessageSource VIETNAMESE = new ResourceBundleMessageSource();

	static {
		VIETNAMESE.setBasenames("i18n/dossiers");
		VIETNAMESE.setDefaultEncoding("UTF-8");
		VIETNAMESE.setFallbackToSystemLocale(false);
	}

	private Texts() {
	}

	static String vi(String key, Object... args) {
		return VIETNAMESE.getMessage(key, args, Locale.ROOT);
	}

	/** The text of {@code key}, or {@code fallback} when the bundle has none. */
	static String viOr(String key, String fallback) {
		return VIETNAMESE.getMessage(key, null, fallback, Locale.ROOT);
	}

	/** A refusal of {@code field} with the bundle's message {@code key} (English with {@code ?lang=en}). */
	static DossierException refused(String field, String key, Object... args) {
		return DossierException.of(field, key, args);
	}
}
