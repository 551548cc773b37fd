package vn.xaso.catalog;

import java.util.Map;

import vn.xaso.platform.Refusal;

/**
 * A catalogue request that cannot be served: messages of the catalog bundle ({@code i18n/catalog}) by field;
 * {@link #errors()} holds the Vietnamese texts, pages and the API show {@link #localErrors()}.
 */
public class CatalogException extends Refusal {

	static final String BUNDLE = "i18n/catalog";

	private CatalogException(Map<String, Text> texts) {
		super(BUNDLE, texts);
	}

	/** A refusal of {@code field} with the message {@code key} of the catalog bundle (numbers best passed as text). */
	public static CatalogException of(String field, String key, Object... args) {
		return new CatalogException(Map.of(field, new Text(key, args)));
	}

	/** A refusal of several fields, in the order given. */
	public static CatalogException of(Map<String, Text> texts) {
		return new CatalogException(texts);
	}
}
