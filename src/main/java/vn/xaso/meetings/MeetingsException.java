package vn.xaso.meetings;

import org.jspecify.annotations.Nullable;

/**
 * A refused meetings request: {@code field} names the input at fault (or is null), {@code key} is the message key in
 * {@code i18n/meetings.properties} (Vietnamese, with an English twin), {@code args} its arguments.
 */
public class MeetingsException extends RuntimeException {

	private final @Nullable String field;
	private final String key;
	private final Object[] args;

	public MeetingsException(@Nullable String field, String key, Object... args) {
		super(key);
		this.field = field;
		this.key = key;
		this.args = args;
	}

	public @Nullable String field() {
		return field;
	}

	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

	/** "Not found" refusals: the page answers 404 (another unit's meeting, one the caller was not invited to). */
	public boolean notFound() {
		return key.equals("meetings.error.noMeeting") || key.equals("meetings.error.noTask") || key.equals("meetings.error.noFile");
	}
}
