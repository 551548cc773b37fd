package vn.xaso.health;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused health request: {@code field} names the input at fault (null for the whole request), {@code key} is the message key in
 * {@code i18n/health.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class HealthException extends KeyedRefusal {

	public HealthException(@Nullable String field, String key, Object... args) {
		super("i18n/health", field, key, args);
	}

	/** A question, campaign or person that is not there (or not the caller's): a 404. */
	public boolean notFound() {
		return key().equals("health.error.noQuestion") || key().equals("health.error.noCampaign") || key().equals("health.error.noAppointment")
				|| key().equals("health.error.noPerson");
	}
}
