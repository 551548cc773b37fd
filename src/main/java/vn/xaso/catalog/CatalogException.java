package vn.xaso.catalog;

import java.util.Map;

/** A catalogue request that cannot be served; {@link #errors()} holds Vietnamese messages by field. */
public class CatalogException extends RuntimeException {

	private final Map<String, String> errors;

	public CatalogException(String field, String message) {
		this(Map.of(field, message));
	}

	public CatalogException(Map<String, String> errors) {
		super(String.join(" ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}
}
