package vn.xaso.economy.internal;

import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.springframework.stereotype.Component;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Lot;
import vn.xaso.platform.render.HtmlPdf;
import vn.xaso.platform.render.Markup;
import vn.xaso.platform.render.QrCodes;

/**
 * A printable A4 sheet of 8 labels for a batch (2 × 4, about 95 × 65 mm each): the GS1 Digital Link QR code (the
 * batch's address on this site), the product, the producer, the lot number, the production and best-before dates and
 * the address in letters for those who type it. No labels for a recalled batch.
 */
@Component
class LotLabels {

	static final int PER_SHEET = 8;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	byte[] sheet(Lot lot, String baseUrl) {
		if (lot.recalled()) {
			throw new EconomyException(null, "economy.error.lotRecalledLabel");
		}
		var url = baseUrl + lot.digitalLinkPath();
		var qr = Base64.getEncoder().encodeToString(QrCodes.png(url, 300, 2));
		var h = new StringBuilder(8000);
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>").append(esc(vi("economy.label.title", lot.lotNumber())))
			.append("</title><style>@page { size: A4; margin: 10mm; }")
			.append("body { font-family: '").append(HtmlPdf.FONT).append("'; font-size: 10pt; margin: 0; }")
			.append("table { width: 100%; border-collapse: collapse; table-layout: fixed; }")
			.append("td { border: 0.5pt dashed #888; height: 66mm; padding: 3mm; vertical-align: top; }")
			.append("img { width: 30mm; height: 30mm; float: left; margin-right: 3mm; }")
			.append(".p { font-weight: bold; font-size: 12pt; } .u { font-size: 7pt; word-wrap: break-word; clear: both; padding-top: 2mm; }")
			.append("</style></head><body><table>");
		for (int i = 0; i < PER_SHEET; i++) {
			if (i % 2 == 0) {
				h.append("<tr>");
			}
			h.append("<td><img src=\"data:image/png;base64,").append(qr).append("\" alt=\"QR\"/>")
				.append("<div class=\"p\">").append(esc(lot.productName())).append("</div>")
				.append("<div>").append(esc(lot.producerName())).append("</div>")
				.append("<div>").append(esc(vi("economy.label.lot"))).append(" <b>").append(esc(lot.lotNumber())).append("</b></div>")
				.append("<div>").append(esc(vi("economy.label.producedOn", DAY.format(lot.producedOn())))).append("</div>");
			if (lot.bestBefore() != null) {
				h.append("<div>").append(esc(vi("economy.label.bestBefore", DAY.format(lot.bestBefore())))).append("</div>");
			}
			if (lot.ocopStars() != null) {
				h.append("<div>").append(esc(vi("economy.label.ocop", String.valueOf(lot.ocopStars())))).append("</div>");
			}
			h.append("<div class=\"u\">").append(esc(vi("economy.label.scan", url))).append("</div></td>");
			if (i % 2 == 1) {
				h.append("</tr>");
			}
		}
		h.append("</table></body></html>");
		return HtmlPdf.render(h.toString(), "XaSo");
	}

	/** The label is printed in Vietnamese in every language (the economy bundle's {@code economy.label.*}). */
	private static String vi(String key, Object... args) {
		return vn.xaso.platform.Refusal.bundleText("i18n/economy", key, args);
	}

	private static String esc(String s) {
		return Markup.escape(s);
	}
}
