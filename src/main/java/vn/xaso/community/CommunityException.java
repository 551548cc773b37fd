package vn.xaso.community;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused community request: {@code field} names the input at fault (null for the whole request), {@code key} is the message key in
 * {@code i18n/community.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class CommunityException extends KeyedRefusal {

	public CommunityException(@Nullable String field, String key, Object... args) {
		super("i18n/community", field, key, args);
	}
}
