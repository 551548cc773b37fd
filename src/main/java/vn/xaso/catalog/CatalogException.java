package vn.xaso.catalog;

import java.util.Map;

import vn.xaso.platform.Refusal;

/** A catalogue request that cannot be served; {@link #errors()} holds Vietnamese messages by field. */
public class CatalogException extends Refusal {

	public CatalogException(String field, String message) {
		super(field, message);
	}

	public CatalogException(Map<String, String> errors) {
		super(errors, String.join(" ", errors.values()));
	}
}
