package vn.xaso.school.web;

import java.util.Base64;

import org.springframework.web.util.HtmlUtils;

import vn.xaso.platform.render.HtmlPdf;
import vn.xaso.platform.render.QrCodes;
import vn.xaso.school.internal.TakingAttendance;

/**
 * The class's attendance cards as one A4 sheet to print and cut: a card per pupil with the pupil's name, the class and a
 * QR code holding only the link to the scan page with the card's code (no name, no id), the code printed under it to
 * type when there is no camera.
 */
final class AttendanceCards {

	private AttendanceCards() {
	}

	static byte[] pdf(TakingAttendance.Day day, String scanLink, SchoolTexts texts) {
		var c = day.schoolClass();
		var h = new StringBuilder("<html><head><style>@page { size: A4; margin: 10mm } body { font-family: '").append(HtmlPdf.FONT)
			.append("'; font-size: 11pt } table { width: 100%; border-collapse: collapse } td { width: 50%; border: 1px dashed #555;")
			.append(" padding: 4mm; text-align: center; vertical-align: top } tr { page-break-inside: avoid } img { width: 38mm; height: 38mm }")
			.append(" .name { font-weight: bold; font-size: 13pt } .code { font-family: monospace; letter-spacing: 1pt }</style></head><body><table>");
		var pupils = day.pupils();
		for (int i = 0; i < pupils.size(); i++) {
			if (i % 2 == 0) {
				h.append("<tr>");
			}
			var p = pupils.get(i);
			var code = p.cardToken();
			var png = Base64.getEncoder().encodeToString(QrCodes.png(scanLink + code, 300, 2));
			h.append("<td><div>").append(esc(texts.t("school.card.title"))).append("</div><div class=\"name\">").append(esc(p.fullName()))
				.append("</div><div>").append(esc(texts.t("school.class.label", c.name(), c.schoolYear()))).append(" · ").append(esc(c.schoolName()))
				.append("</div><img src=\"data:image/png;base64,").append(png).append("\" alt=\"\"/><div class=\"code\">")
				.append(code, 0, 4).append('-').append(code, 4, 8).append('-').append(code, 8, 12).append("</div></td>");
			if (i % 2 == 1 || i == pupils.size() - 1) {
				h.append(i % 2 == 0 ? "<td></td></tr>" : "</tr>");
			}
		}
		if (pupils.isEmpty()) {
			h.append("<tr><td>").append(esc(texts.t("school.card.none"))).append("</td></tr>");
		}
		return HtmlPdf.render(h.append("</table></body></html>").toString());
	}

	private static String esc(String s) {
		return HtmlUtils.htmlEscape(s, "UTF-8");
	}
}
