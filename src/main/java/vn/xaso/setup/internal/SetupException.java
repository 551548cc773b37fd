package vn.xaso.setup.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A setup input or order problem with a plain Vietnamese message per field (null field: the whole page). */
public class SetupException extends RuntimeException {

	private final Map<String, String> errors = new LinkedHashMap<>();

	public SetupException(@Nullable String field, String message) {
		super(message);
		errors.put(field == null ? "_page" : field, message);
	}

	public SetupException(Map<String, String> errors) {
		super(errors.values().iterator().next());
		this.errors.putAll(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}
}
