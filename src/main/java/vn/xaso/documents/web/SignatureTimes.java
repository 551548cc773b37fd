package vn.xaso.documents.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Signing times as people read them in Vietnam: "23/11/2026 05:58", Vietnam time. */
public final class SignatureTimes {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private SignatureTimes() {
	}

	public static String format(Instant at) {
		return SHOWN.format(at);
	}
}
