package vn.xaso.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Submitted form values with their errors, for re-showing a form with inline messages. Values are
 * kept as typed (never passwords) so nothing the person entered is lost on an error.
 */
public final class Form {

	private final Map<String, String> values = new LinkedHashMap<>();
	private final Map<String, String> errors = new LinkedHashMap<>();

	public static Form empty() {
		return new Form();
	}

	public static Form of(Map<String, String> values) {
		var form = new Form();
		values.forEach((k, v) -> {
			if (v != null && !k.toLowerCase().contains("password") && !k.startsWith("_")) {
				form.values.put(k, v);
			}
		});
		return form;
	}

	public Form value(String name, @Nullable String value) {
		if (value != null) {
			values.put(name, value);
		}
		return this;
	}

	public String value(String name) {
		return values.getOrDefault(name, "");
	}

	public Form reject(String field, String message) {
		errors.putIfAbsent(field, message);
		return this;
	}

	public @Nullable String error(String field) {
		return errors.get(field);
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	public Map<String, String> errors() {
		return errors;
	}
}
