package vn.xaso.platform.render;

import java.text.Normalizer;

import org.springframework.web.util.HtmlUtils;

/**
 * Text put into HTML or XML that is built as a string (PDF pages, receipts, reports, RSS, Open311): composed
 * (NFC, so Vietnamese marks render as one glyph), without the control characters XML 1.0 cannot carry, and with
 * {@code < > & " '} escaped by Spring's {@link HtmlUtils}. Pages are jte templates, which escape by themselves.
 */
public final class Markup {

	private Markup() {
	}

	public static String escape(String text) {
		var nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		var kept = new StringBuilder(nfc.length());
		nfc.codePoints().forEach(c -> {
			if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
				kept.appendCodePoint(c);
			}
		});
		return HtmlUtils.htmlEscape(kept.toString(), "UTF-8");
	}
}
