package vn.xaso.payments.internal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;
import vn.xaso.platform.VietnameseText;
import vn.xaso.platform.render.Markup;


/**
 * The electronic receipt (biên lai điện tử) of a paid bill as a PDF/A-less A5 page: unit, receipt
 * number, payer, purpose, amount in figures and in words, method, time in Vietnam, and a QR code of
 * the bill reference so an officer can look the bill up. Liberation Serif (embedded) covers Vietnamese.
 */
public final class ReceiptRenderer {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	private static final String BUNDLE = "i18n/payments";
	private static final String FONT = vn.xaso.platform.render.HtmlPdf.FONT;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(vi("payments.receipt.timePattern"));

	public record Receipt(String unitName, String provinceName, String receiptNumber, String reference,
			String externalRef, String payerName, String purpose, long amountVnd, long paidVnd, String method,
			Instant paidAt, @Nullable String bankLine, @Nullable String officer) {
	}

	private ReceiptRenderer() {
	}

	/** An amount in Vietnamese, e.g. "1.500.000 đồng": the receipt and the refusals. */
	public static String vnd(long amount) {
		return vnd(amount, Locale.ROOT);
	}

	/** An amount written the Vietnamese way with the currency word of {@code locale} (pages). */
	public static String vnd(long amount, Locale locale) {
		return Refusal.textIn(BUNDLE, locale, "payments.receipt.vnd", NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount));
	}

	/** The receipt is printed in Vietnamese in every language (the payments bundle's {@code payments.receipt.*}). */
	private static String vi(String key, Object... args) {
		return Refusal.bundleText(BUNDLE, key, args);
	}

	public static byte[] render(Receipt r) {
		return vn.xaso.platform.render.HtmlPdf.render(html(r), "XaSo");
	}


	static String html(Receipt r) {
		var qr = Base64.getEncoder().encodeToString(QrImages.png(r.reference(), 160));
		var h = new StringBuilder(4000);
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>")
			.append(esc(vi("payments.receipt.title", r.receiptNumber()))).append("</title><style>")
			.append("@page { size: A5 landscape; margin: 12mm 14mm; }")
			.append("body { font-family: '").append(FONT).append("'; font-size: 12pt; line-height: 1.3; }")
			.append("table.head { width: 100%; border-collapse: collapse; } table.head td { vertical-align: top; }")
			.append(".c { text-align: center; } .b { font-weight: bold; } .i { font-style: italic; }")
			.append("h1 { font-size: 16pt; text-align: center; margin: 8pt 0 2pt 0; }")
			.append("table.rows { width: 100%; border-collapse: collapse; margin-top: 8pt; }")
			.append("table.rows th { text-align: left; font-weight: normal; width: 34%; padding: 2pt 0; vertical-align: top; }")
			.append("table.rows td { font-weight: bold; padding: 2pt 0; }")
			.append(".qr { float: right; width: 30mm; text-align: center; font-size: 9pt; }")
			.append(".qr img { width: 28mm; height: 28mm; }")
			.append(".foot { margin-top: 10pt; font-size: 10pt; font-style: italic; }")
			.append("</style></head><body>");
		h.append("<table class=\"head\"><tr><td class=\"c\"><div>").append(esc(r.provinceName().toUpperCase(Locale.forLanguageTag("vi"))))
			.append("</div><div class=\"b\">").append(esc(vi("payments.receipt.committee", r.unitName().toUpperCase(Locale.forLanguageTag("vi")))))
			.append("</div></td><td class=\"c\"><div class=\"b\">").append(esc(vi("payments.receipt.nation"))).append("</div>")
			.append("<div class=\"b\">").append(esc(vi("payments.receipt.motto"))).append("</div></td></tr></table>");
		h.append("<div class=\"qr\"><img src=\"data:image/png;base64,").append(qr).append("\" alt=\"QR\"/><div>")
			.append(esc(r.reference())).append("</div></div>");
		h.append("<h1>").append(esc(vi("payments.receipt.heading"))).append("</h1><div class=\"c i\">").append(esc(vi("payments.receipt.electronic")))
			.append("</div>");
		h.append("<div class=\"c\">").append(esc(vi("payments.receipt.number"))).append(" <span class=\"b\">").append(esc(r.receiptNumber()))
			.append("</span></div>");
		h.append("<table class=\"rows\">");
		row(h, vi("payments.receipt.payer"), r.payerName());
		row(h, vi("payments.receipt.purpose"), r.purpose());
		row(h, vi("payments.receipt.reference"), r.externalRef() + " / " + r.reference());
		row(h, vi("payments.receipt.amount"), vnd(r.amountVnd()));
		row(h, vi("payments.receipt.inWords"), VietnameseText.vnd(r.amountVnd()));
		if (r.paidVnd() > r.amountVnd()) {
			row(h, vi("payments.receipt.paid"), vi("payments.receipt.overpaid", vnd(r.paidVnd()), vnd(r.paidVnd() - r.amountVnd())));
		}
		row(h, vi("payments.receipt.method"), r.method());
		if (r.bankLine() != null) {
			row(h, vi("payments.receipt.account"), r.bankLine());
		}
		if (r.officer() != null) {
			row(h, vi("payments.receipt.officer"), r.officer());
		}
		row(h, vi("payments.receipt.paidAt"), vi("payments.receipt.vietnamTime", TIME.format(r.paidAt().atZone(VIETNAM))));
		h.append("</table>");
		h.append("<div class=\"foot\">").append(esc(vi("payments.receipt.footer", r.unitName(), r.reference()))).append("</div>");
		h.append("</body></html>");
		return h.toString();
	}

	private static void row(StringBuilder h, String label, String value) {
		h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
	}

	static String esc(String s) {
		return Markup.escape(s);
	}
}
