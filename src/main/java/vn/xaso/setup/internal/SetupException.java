package vn.xaso.setup.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/** A setup input or order problem with a plain Vietnamese message per field (null field: the whole page). */
public class SetupException extends Refusal {

	/** {@code field} null: the message is for the whole page ({@code "_page"}). */
	public SetupException(@Nullable String field, String message) {
		super(field == null ? "_page" : field, message);
	}

	public SetupException(Map<String, String> errors) {
		super(errors, errors.values().iterator().next());
	}
}
