package vn.xaso.documents.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.documents.DocumentType;
import vn.xaso.platform.render.Markup;

/**
 * Renders an administrative document in the layout of Nghị định 30/2020, Phụ lục I: A4, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm; Liberation Serif (metrically the same as Times New
 * Roman); quốc hiệu and tiêu ngữ top right with the rule line, the issuing body top left, number
 * and symbol under it, place and date in italics, type and summary centred, the body at 14 pt,
 * recipients bottom left and the signer bottom right.
 */
public final class DocumentRenderer {

	static final String FONT = vn.xaso.platform.render.HtmlPdf.FONT;

	/** The issuing body's first line, printed on the document (legal text, always Vietnamese). */
	static final String PEOPLES_COMMITTEE = pdf("documents.text.pdfCommittee");

	/** The kinds a unit's name starts with, left out of the place name beside the date. */
	static final List<String> UNIT_KINDS = java.util.Arrays.stream(pdf("documents.text.pdfUnitKinds").split(","))
		.map(kind -> kind.strip() + " ").toList();

	/** What goes on the page. {@code numberSymbol} and {@code date} are empty for a draft. */
	public record Layout(List<String> issuingBody, DocumentType type, @Nullable String numberSymbol, String symbol,
			String placeName, @Nullable LocalDate date, String summary, String body, List<String> recipients,
			String signerAuthority, String signerTitle, String signerName, List<String> parentBody) {

		/** Without a parent body (tên cơ quan chủ quản): a commune's People's Committee. */
		public Layout(List<String> issuingBody, DocumentType type, @Nullable String numberSymbol, String symbol, String placeName,
				@Nullable LocalDate date, String summary, String body, List<String> recipients, String signerAuthority, String signerTitle,
				String signerName) {
			this(issuingBody, type, numberSymbol, symbol, placeName, date, summary, body, recipients, signerAuthority, signerTitle,
					signerName, List.of());
		}
	}

	private DocumentRenderer() {
	}

	public static byte[] render(Layout d) {
		return render(d, d.numberSymbol() == null);
	}

	/**
	 * {@code draftMark}: print "DỰ THẢO". The PDF the leader signs at approval has no mark but still blank
	 * number and date, which the clerk fills in at release (see {@link PdfStamps}).
	 */
	public static byte[] render(Layout d, boolean draftMark) {
		return vn.xaso.platform.render.HtmlPdf.render(html(d, draftMark));
	}


	static String html(Layout d) {
		return html(d, d.numberSymbol() == null);
	}

	static String html(Layout d, boolean draftMark) {
		var cv = d.type() == DocumentType.CONG_VAN;
		var h = new StringBuilder(8192);
		h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(e(d.type().label())).append("</title><style>")
			.append("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }")
			.append("body { font-family: '").append(FONT).append("'; font-size: 14pt; line-height: 1.15; }")
			.append("table { width: 100%; border-collapse: collapse; }")
			.append("td { vertical-align: top; padding: 0; }")
			.append(".hl { width: 40%; text-align: center; font-size: 13pt; }")
			.append(".block { display: inline-block; text-align: center; }")
			.append(".hr { width: 60%; text-align: center; }")
			.append(".b { font-weight: bold; } .i { font-style: italic; }")
			.append(".qh { font-size: 13pt; font-weight: bold; }")
			.append(".tn { font-size: 14pt; font-weight: bold; display: inline-block; border-bottom: 0.6pt solid #000; padding-bottom: 1pt; }")
			.append(".rule { border-top: 0.6pt solid #000; margin: 3pt auto 0 auto; height: 0; }")
			.append(".rule-left { width: 40%; }")
			.append(".num { font-size: 13pt; margin-top: 6pt; } .vv { font-size: 12.5pt; margin-top: 4pt; }")
			.append(".date { font-style: italic; margin-top: 6pt; }")
			.append(".type { text-align: center; font-weight: bold; font-size: 14pt; margin: 18pt 0 0 0; }")
			.append(".summary { text-align: center; font-weight: bold; margin: 0 0 12pt 0; }")
			.append(".sumrule { border-top: 0.6pt solid #000; width: 40%; margin: 5pt auto 0 auto; height: 0; }")
			.append(".kg { text-align: center; margin: 18pt 0 12pt 0; }")
			.append(".body p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }")
			.append(".body p.cc { font-style: italic; } .body p.heading { text-align: center; text-indent: 0; font-weight: bold; }")
			.append(".foot { margin-top: 12pt; page-break-inside: avoid; }")
			.append(".fl { width: 45%; font-size: 11pt; } .fr { width: 55%; text-align: center; }")
			.append(".nn { font-size: 12pt; font-weight: bold; font-style: italic; }")
			.append(".sign-space { height: 76pt; }")
			.append(".draft { text-align: center; font-size: 11pt; border: 0.6pt solid #000; width: 30mm; margin: 0 auto; }")
			.append("</style></head><body>");
		h.append("<table><tr><td class=\"hl\"><div class=\"block\">");
		// Phụ lục I, II.2.b: the parent body (if any) regular; the issuing body's whole name bold, the rule under it
		for (var line : d.parentBody()) {
			h.append("<div>").append(e(line)).append("</div>");
		}
		for (var line : d.issuingBody()) {
			h.append("<div class=\"b\">").append(e(line)).append("</div>");
		}
		h.append("<div class=\"rule rule-left\"></div></div>");
		h.append("<div class=\"num\">").append(pdf("documents.text.pdfNumber")).append(" ").append(d.numberSymbol() == null ? "&#160;&#160;&#160;&#160;&#160;&#160;&#160;/" + e(d.symbol()) : e(d.numberSymbol())).append("</div>");
		if (cv) {
			h.append("<div class=\"vv\">V/v ").append(e(d.summary())).append("</div>");
		}
		h.append("</td><td class=\"hr\">");
		h.append("<div class=\"qh\">").append(pdf("documents.text.pdfNation")).append("</div>");
		h.append("<div class=\"tn\">").append(pdf("documents.text.pdfMotto")).append("</div>");
		h.append("<div class=\"date\">").append(e(placeAndDate(d.placeName(), d.date()))).append("</div>");
		h.append("</td></tr></table>");
		if (draftMark) {
			h.append("<div class=\"draft\">").append(pdf("documents.text.pdfDraft")).append("</div>");
		}
		if (cv) {
			h.append("<div class=\"kg\">").append(pdf("documents.text.pdfTo")).append(" ").append(e(String.join("; ", d.recipients().isEmpty() ? List.of("…") : d.recipients().subList(0, 1)))).append("</div>");
		}
		else {
			h.append("<div class=\"type\">").append(e(d.type().label().toUpperCase(java.util.Locale.forLanguageTag("vi")))).append("</div>");
			h.append("<div class=\"summary\"><div class=\"block\">").append(e(d.summary())).append("<div class=\"sumrule\"></div></div></div>");
		}
		h.append("<div class=\"body\">");
		for (var para : d.body().split("\\R")) {
			if (!para.isBlank()) {
				paragraph(h, para.strip());
			}
		}
		h.append("</div>");
		h.append("<table class=\"foot\"><tr><td class=\"fl\"><div class=\"nn\">").append(pdf("documents.text.pdfRecipients")).append("</div>");
		if (cv) {
			h.append("<div>- ").append(pdf("documents.text.pdfAsAbove")).append("</div>");
		}
		var rest = cv && !d.recipients().isEmpty() ? d.recipients().subList(1, d.recipients().size()) : d.recipients();
		for (var r : rest) {
			h.append("<div>- ").append(e(r)).append(";</div>");
		}
		h.append("<div>- ").append(pdf("documents.text.pdfFiled")).append("</div></td><td class=\"fr\">");
		if (!d.signerAuthority().isBlank()) {
			h.append("<div class=\"b\">").append(e(upper(d.signerAuthority()))).append("</div>");
		}
		h.append("<div class=\"b\">").append(e(upper(d.signerTitle()))).append("</div>");
		h.append("<div class=\"sign-space\"></div>");
		h.append("<div class=\"b\">").append(e(d.signerName())).append("</div>");
		h.append("</td></tr></table>");
		h.append("</body></html>");
		return h.toString();
	}

	/** A printed text of the document (Phụ lục I: legal text, always Vietnamese) from the documents bundle. */
	private static String pdf(String key, Object... args) {
		return vn.xaso.documents.DocumentException.vietnamese(key, args);
	}

	private static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile("^(Điều\\s+\\d+\\.)(.*)$");

	/**
	 * One body paragraph in the style Phụ lục I gives it: "Căn cứ …" italic (II.6.a); "Điều 1." and the article's
	 * title bold (II.6.đ; an article whose first sentence is its content keeps only "Điều 1." bold); a line all in
	 * capitals ("QUYẾT ĐỊNH:", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …") and "Chương I"/"Mục 1" lines centred, bold.
	 */
	static void paragraph(StringBuilder h, String para) {
		var article = ARTICLE.matcher(para);
		if (para.startsWith("Căn cứ")) {
			h.append("<p class=\"cc\">").append(e(para)).append("</p>");
		}
		else if (article.matches()) {
			var rest = article.group(2);
			boolean title = rest.strip().length() <= 200 && !rest.strip().matches(".*[.;:]$");
			if (title) {
				h.append("<p><b>").append(e(para)).append("</b></p>");
			}
			else {
				h.append("<p><b>").append(e(article.group(1))).append("</b>").append(e(rest)).append("</p>");
			}
		}
		else if (isHeading(para)) {
			h.append("<p class=\"heading\">").append(e(para)).append("</p>");
		}
		else {
			h.append("<p>").append(e(para)).append("</p>");
		}
	}

	private static boolean isHeading(String para) {
		if (para.matches("^(Chương|Mục|Phần|Tiểu mục)\\s+[0-9IVXLC]+\\.?$")) {
			return true;
		}
		boolean letters = para.codePoints().anyMatch(Character::isLetter);
		return letters && para.length() <= 200 && para.equals(upper(para));
	}

	/**
	 * "Yên Mô, ngày 05 tháng 3 năm 2026": days below 10 and the months January and February take a
	 * leading zero (Phụ lục I, mục II.4.b). A draft leaves day and month blank.
	 */
	public static String placeAndDate(String place, @Nullable LocalDate date) {
		if (date == null) {
			// no-break spaces: the blanks keep their width in the PDF, so the clerk's number and date fit in them
			var blank = "\u00a0".repeat(7);
			return pdf("documents.text.pdfPlaceDate", place, blank, blank, String.valueOf(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear()));
		}
		var day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
		var month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
		return pdf("documents.text.pdfPlaceDate", place, day, month, String.valueOf(date.getYear()));
	}

	private static String upper(String s) {
		return s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
	}

	private static String e(String s) {
		return Markup.escape(s);
	}

	static List<String> lines(String text) {
		return Arrays.stream(text.split("\\R")).map(String::strip).map(l -> l.replaceAll("^[-–•]\\s*", "").replaceAll("[;.]$", ""))
			.filter(l -> !l.isBlank()).toList();
	}
}
