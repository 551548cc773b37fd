package vn.xaso.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/**
 * The fields of a form whose field names are data, not code — a procedure's e-form and a dossier's fields (named by
 * the catalogue), a result sheet (named by its template), setup's fees per procedure — as a typed form value instead
 * of a raw {@code @RequestParam Map}: a handler takes a {@code FormAnswers} parameter, bound by {@link Binder}. Only
 * field names of letters, digits and {@code _ - .} (at most {@value #MAX_NAME} characters) are kept, at most
 * {@value #MAX_FIELDS} fields and {@value #MAX_VALUE} characters a value: more is a 400 answer, nothing read. Every
 * other form is a record with named components (docs/architecture.md; ModuleShapeTests fails on a Map form handler).
 */
public record FormAnswers(Map<String, String> values) {

	static final int MAX_FIELDS = 400;
	static final int MAX_NAME = 100;
	static final int MAX_VALUE = 20_000;
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1," + MAX_NAME + "}");

	public FormAnswers {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** The posted fields as kept: names checked, sizes bounded. */
	public static FormAnswers of(Map<String, String[]> posted) {
		if (posted.size() > MAX_FIELDS) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		var kept = new LinkedHashMap<String, String>();
		posted.forEach((name, all) -> {
			if (NAME.matcher(name).matches() && all != null && all.length > 0) {
				if (all[0].length() > MAX_VALUE) {
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
				}
				kept.put(name, all[0]);
			}
		});
		return new FormAnswers(kept);
	}

	/** The field's value, stripped; {@code ""} when it was not sent. */
	public String get(String name) {
		var value = values.get(name);
		return value == null ? "" : value.strip();
	}

	/** Whether the field was sent (a pressed button's name). */
	public boolean has(String name) {
		return values.containsKey(name);
	}

	/** Binds a {@link FormAnswers} handler parameter from the request's parameters (registered in WebConfiguration). */
	static final class Binder implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == FormAnswers.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
				WebDataBinderFactory binders) {
			return of(request.getParameterMap());
		}
	}
}
