package vn.xaso.payments.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import vn.xaso.payments.internal.ReceiptRenderer;
import vn.xaso.platform.PersonalData;

/** Formatting for the payments templates: đồng, Vietnam time, masked free text. */
public final class Fmt {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private Fmt() {
	}

	public static String vnd(long amount) {
		var context = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
		var locale = context == null ? null : context.getLocale();
		return ReceiptRenderer.vnd(amount, locale == null ? java.util.Locale.ROOT : locale); // Vietnamese outside a request
	}

	public static String time(@Nullable Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(ReceiptRenderer.VIETNAM));
	}

	/** Phone and CCCD numbers inside free text (payer names, transfer contents) shown masked. */
	public static String masked(@Nullable String text) {
		return PersonalData.maskAll(text);
	}
}
