package vn.xaso.addresses.internal;

import java.util.Base64;

import vn.xaso.addresses.AddressRecord;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.render.HtmlPdf;
import vn.xaso.platform.render.QrCodes;

/**
 * The A6 door plate (biển địa chỉ số): commune and village, the address text, the plus code (full and
 * short with the commune's name), the postcode, the national code when known, and a QR that opens the
 * public page of the plus code. Never the holder's name or label.
 */
final class DoorPlates {

	private DoorPlates() {
	}

	/** The QR's address: the public page of the code, written without its "+" so every scanner keeps it. */
	static String publicUrl(String publicBaseUrl, String plusCode) {
		var base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
		return base + "/place/" + plusCode.replace("+", "");
	}

	static byte[] render(AddressRecord r, String communeName, String provinceName, String publicBaseUrl) {
		return HtmlPdf.render(html(r, communeName, provinceName, publicBaseUrl), "XaSo");
	}

	static String html(AddressRecord r, String communeName, String provinceName, String publicBaseUrl) {
		var plus = r.plusCode() == null ? "" : r.plusCode();
		var qr = Base64.getEncoder().encodeToString(QrCodes.png(publicUrl(publicBaseUrl, plus), 300, 2));
		var h = new StringBuilder(3000);
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>").append(esc(said("addresses.text.plate.title"))).append(" ").append(esc(plus))
			.append("</title><style>@page { size: 105mm 148mm; margin: 7mm; }")
			.append("body { font-family: '").append(HtmlPdf.FONT).append("'; font-size: 11pt; line-height: 1.25; text-align: center; }")
			.append(".top { font-size: 10pt; } .place { font-size: 13pt; font-weight: bold; margin: 2mm 0; }")
			.append(".addr { font-size: 12pt; margin: 2mm 0 3mm 0; } .plus { font-size: 22pt; font-weight: bold; letter-spacing: 1pt; }")
			.append(".short { font-size: 12pt; margin-bottom: 2mm; } .qr img { width: 38mm; height: 38mm; }")
			.append("table { margin: 2mm auto 0 auto; border-collapse: collapse; } td { padding: 0.5mm 2mm; text-align: left; }")
			.append(".foot { font-size: 8pt; font-style: italic; margin-top: 2mm; }</style></head><body>");
		h.append("<div class=\"top\">").append(esc(provinceName)).append("</div>");
		h.append("<div class=\"place\">").append(esc(communeName)).append(" — ").append(esc(r.villageName())).append("</div>");
		h.append("<div class=\"addr\">").append(esc(r.addressText())).append("</div>");
		h.append("<div class=\"plus\">").append(esc(plus)).append("</div>");
		if (r.shortCode() != null) {
			h.append("<div class=\"short\">").append(esc(r.shortCode())).append(" ").append(esc(communeName)).append("</div>");
		}
		h.append("<div class=\"qr\"><img src=\"data:image/png;base64,").append(qr).append("\" alt=\"QR\"/></div>");
		h.append("<table>");
		h.append("<tr><td>").append(esc(said("addresses.text.plate.postcode"))).append("</td><td><b>").append(esc(r.postcode() == null ? "—" : r.postcode())).append("</b></td></tr>");
		if (r.nationalCode() != null) {
			h.append("<tr><td>").append(esc(said("addresses.text.plate.nationalCode"))).append("</td><td><b>").append(esc(r.nationalCode())).append("</b></td></tr>");
		}
		h.append("</table>");
		h.append("<div class=\"foot\">").append(esc(said("addresses.text.plate.foot"))).append("</div>");
		h.append("</body></html>");
		return h.toString();
	}

	/** A text of the plate: Vietnamese (the commune's language), from the addresses bundle. */
	private static String said(String key) {
		return Refusal.bundleText("i18n/addresses", key);
	}

	static String esc(String s) {
		var out = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
