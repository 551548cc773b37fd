package vn.xaso.portal;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused portal action: {@code field} names the form field, {@code key} the message in the
 * portal bundle ({@code i18n/portal}). {@link #getMessage()} is the Vietnamese text; pages show
 * {@link #message(org.springframework.context.MessageSource, java.util.Locale)}.
 */
public class PortalException extends KeyedRefusal {

	static final String BUNDLE = "i18n/portal";

	public PortalException(String field, String key, Object... args) {
		super(BUNDLE, field, key, args);
	}

	/**
	 * A text of the portal bundle in Vietnamese, for what is stored rather than shown at once (the
	 * announcement note an editor reads later).
	 */
	public static String vietnamese(String key, Object... args) {
		return bundleText(BUNDLE, key, args);
	}
}
