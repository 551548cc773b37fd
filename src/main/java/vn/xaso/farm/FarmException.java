package vn.xaso.farm;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused farm request: {@code field} names the input at fault (null for the whole request), {@code key} is the message key in
 * {@code i18n/farm.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class FarmException extends KeyedRefusal {

	public FarmException(@Nullable String field, String key, Object... args) {
		super("i18n/farm", field, key, args);
	}
}
