package vn.xaso.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused because of its input or because the step is not allowed now: plain Vietnamese messages,
 * each for a form field ({@code ""} for the whole request), so the page can show them beside the fields and
 * the API can answer them as {@code errors}. Each module throws its own subclass (e.g. {@code DossierException})
 * so its handlers catch only its own refusals; nothing is changed when one is thrown.
 */
public abstract class Refusal extends RuntimeException {

	private final Map<String, String> errors;

	/** One message for one field. */
	protected Refusal(String field, String message) {
		super(message);
		this.errors = Map.of(field, message);
	}

	/** Several messages (in the order given), with the exception's message made of them by the subclass. */
	protected Refusal(Map<String, String> errors, String message) {
		super(message);
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** Field → message, in the order given. */
	public Map<String, String> errors() {
		return errors;
	}

	/** The (first) form field at fault, {@code ""} for the whole request. */
	public String field() {
		return errors.isEmpty() ? "" : errors.keySet().iterator().next();
	}
}
