package vn.xaso.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

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

	public static Form of(Map<String, ? extends @Nullable String> values) {
		var form = new Form();
		values.forEach((k, v) -> {
			if (v != null && !k.toLowerCase().contains("password") && !k.startsWith("_")) {
				form.values.put(k, v);
			}
		});
		return form;
	}

	/** The values as typed with Bean Validation's field errors (the module's messages), for showing a typed form again. */
	public static Form of(Map<String, ? extends @Nullable String> values, BindingResult result) {
		var form = of(values);
		result.getFieldErrors().forEach(e -> form.reject(e.getField(), String.valueOf(e.getDefaultMessage())));
		return form;
	}

	/** Name → value from {@code name, value, name, value, …}, in that order, the missing (null) values left out: a typed form's values. */
	public static Map<String, String> pairs(@Nullable String... pairs) {
		var map = new LinkedHashMap<String, String>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				map.put(String.valueOf(pairs[i]), pairs[i + 1]);
			}
		}
		return map;
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
