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
		h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>Nhãn lô ").append(esc(lot.lotNumber()))
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
				.append("<div>Lô: <b>").append(esc(lot.lotNumber())).append("</b></div>")
				.append("<div>Ngày sản xuất: ").append(DAY.format(lot.producedOn())).append("</div>");
			if (lot.bestBefore() != null) {
				h.append("<div>Hạn dùng: ").append(DAY.format(lot.bestBefore())).append("</div>");
			}
			if (lot.ocopStars() != null) {
				h.append("<div>OCOP ").append(lot.ocopStars()).append(" sao</div>");
			}
			h.append("<div class=\"u\">Quét mã để xem nguồn gốc: ").append(esc(url)).append("</div></td>");
			if (i % 2 == 1) {
				h.append("</tr>");
			}
		}
		h.append("</table></body></html>");
		return HtmlPdf.render(h.toString(), "XaSo");
	}

	private static String esc(String s) {
		return Markup.escape(s);
	}
}
