package vn.xaso.economy;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused economy request: {@code field} names the input at fault (null for the whole request), {@code key} is the message key in
 * {@code i18n/economy.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class EconomyException extends KeyedRefusal {

	public EconomyException(@Nullable String field, String key, Object... args) {
		super("i18n/economy", field, key, args);
	}
}
