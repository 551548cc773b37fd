package vn.xaso.meetings;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused meetings request: {@code field} names the input at fault (null for the whole request), {@code key} is the message key in
 * {@code i18n/meetings.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class MeetingsException extends KeyedRefusal {

	public MeetingsException(@Nullable String field, String key, Object... args) {
		super("i18n/meetings", field, key, args);
	}

	/** "Not found" refusals: the page answers 404 (another unit's meeting, one the caller was not invited to). */
	public boolean notFound() {
		return key().equals("meetings.error.noMeeting") || key().equals("meetings.error.noTask") || key().equals("meetings.error.noFile")
				|| key().equals("meetings.error.noTeam");
	}
}
