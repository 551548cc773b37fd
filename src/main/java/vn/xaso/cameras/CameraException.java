package vn.xaso.cameras;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused camera request: {@code field} names the input at fault (null for the whole request), {@code key} is the
 * message key in {@code i18n/cameras.properties} (Vietnamese, with an English twin), {@code args} its arguments.
 * Nothing was changed.
 */
public class CameraException extends KeyedRefusal {

	public CameraException(@Nullable String field, String key, Object... args) {
		super("i18n/cameras", field, key, args);
	}
}
