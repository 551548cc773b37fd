package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.VietnameseText;
import vn.xaso.platform.render.Markup;


/**
 * The dossier PDFs, A4 in Liberation Serif (metrically Times New Roman) like the documents module:
 * <ul>
 * <li>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 01/2018/TT-VPCP, Mẫu số 01) with a QR code to public
 * tracking;</li>
 * <li>Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04);</li>
 * <li>results: Trích lục khai sinh (layout of the Bộ Tư pháp form: fields in the order of the birth register)
 * and a generic result/confirmation for the other templates, with a QR code to the verification page.</li>
 * </ul>
 */
public final class Pdfs {

	static final String FONT = vn.xaso.platform.render.HtmlPdf.FONT;
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	/** Said instead of a date while an online dossier waits to be received (the clock has not started). */
	public static final String DUE_LATER = Texts.vi("dossiers.pdf.dueLater");

	private Pdfs() {
	}

	/** What every slip's header needs: the commune ("Xã Yên Mô") and its province ("Tỉnh Ninh Bình"), place name for the date line. */
	public record Issuer(String communeName, String provinceName, String placeName) {

		String upperBody() {
			return Texts.vi("dossiers.pdf.committeeUpper", upper(communeName));
		}

		/** "Ủy ban nhân dân xã Yên Mô". */
		String body() {
			var name = communeName.isEmpty() ? "" : communeName.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + communeName.substring(1);
			return Texts.vi("dossiers.pdf.committee", name);
		}
	}

	public record ReceiptData(Issuer issuer, String code, String applicantName, String address, String phone,
			String email, String procedureName, List<String> papers, String processingTime, Instant receivedAt,
			@Nullable LocalDate dueDate, String returnAt, String receiverName, String trackingUrl, long feeVnd) {
	}

	public record ApologyData(Issuer issuer, String code, String applicantName, String procedureName,
			Instant receivedAt, LocalDate oldDue, LocalDate newDue, String reason, String signerName, LocalDate today) {
	}

	/** {@code number}: "Số:" — the civil-status register number (sổ hộ tịch) when there is one, else the dossier code. */
	public record ResultData(Issuer issuer, String template, String code, String procedureName, Map<String, String> form,
			Map<String, String> fieldLabels, String applicantName, String applicantCccd, String signerTitle,
			String signerName, LocalDate date, String verifyUrl, @Nullable String number) {

		public ResultData(Issuer issuer, String template, String code, String procedureName, Map<String, String> form,
				Map<String, String> fieldLabels, String applicantName, String applicantCccd, String signerTitle, String signerName,
				LocalDate date, String verifyUrl) {
			this(issuer, template, code, procedureName, form, fieldLabels, applicantName, applicantCccd, signerTitle, signerName, date,
					verifyUrl, null);
		}

		String shownNumber() {
			return number == null ? code : number;
		}
	}

	// ---------------------------------------------------------------- receipt

	public static byte[] receipt(ReceiptData d) {
		var h = start(Texts.vi("dossiers.pdf.receipt.title"));
		header(h, d.issuer(), List.of(d.issuer().upperBody(), Texts.vi("dossiers.pdf.receipt.desk")), Texts.vi("dossiers.pdf.codeLine", d.code()),
				LocalDateTime.ofInstant(d.receivedAt(), Sla.VIETNAM).toLocalDate());
		h.append("<div class=\"title\">").append(upper(Texts.vi("dossiers.pdf.receipt.title"))).append("</div><div class=\"sub\">")
			.append(e(Texts.vi("dossiers.pdf.codeLine", d.code()))).append("</div><div class=\"body\">");
		p(h, Texts.vi("dossiers.pdf.receipt.lead", e(d.issuer().body())));
		p(h, Texts.vi("dossiers.pdf.receipt.applicant", e(d.applicantName())), true);
		p(h, Texts.vi("dossiers.pdf.receipt.address", e(d.address())), true);
		p(h, Texts.vi("dossiers.pdf.receipt.phone", e(d.phone())) + (d.email().isBlank() ? "" : "&#160;&#160;&#160; " + Texts.vi("dossiers.pdf.receipt.email", e(d.email()))), true);
		p(h, Texts.vi("dossiers.pdf.receipt.request", e(d.procedureName())), true);
		p(h, Texts.vi("dossiers.pdf.receipt.papers"), true);
		int i = 1;
		for (var paper : d.papers()) {
			p(h, "&#160;&#160;&#160;" + (i++) + ") " + e(paper), true);
		}
		if (d.papers().isEmpty()) {
			p(h, "&#160;&#160;&#160;" + Texts.vi("dossiers.pdf.receipt.noPapers"), true);
		}
		p(h, Texts.vi("dossiers.pdf.receipt.sets"), true);
		p(h, Texts.vi("dossiers.pdf.receipt.time", e(d.processingTime())), true);
		var at = LocalDateTime.ofInstant(d.receivedAt(), Sla.VIETNAM);
		p(h, Texts.vi("dossiers.pdf.receipt.receivedAt", String.format("%02d", at.getHour()), String.format("%02d", at.getMinute()), DATE.format(at)), true);
		p(h, Texts.vi("dossiers.pdf.receipt.due", d.dueDate() == null ? DUE_LATER
				: Texts.vi("dossiers.pdf.receipt.dueDay", DATE.format(d.dueDate()))), true);
		p(h, Texts.vi("dossiers.pdf.receipt.returnAt", e(d.returnAt())), true);
		if (d.feeVnd() > 0) {
			p(h, Texts.vi("dossiers.pdf.receipt.fee", String.format(java.util.Locale.ROOT, "%,d", d.feeVnd()).replace(',', '.')), true);
		}
		p(h, Texts.vi("dossiers.pdf.receipt.book", e(d.code())), true);
		h.append("</div>");
		h.append("<table class=\"foot\"><tr><td class=\"half\"><div class=\"b\">").append(Texts.vi("dossiers.pdf.receipt.applicantSigns"))
			.append("</div><div class=\"i\">").append(Texts.vi("dossiers.pdf.signHere")).append("</div>")
			.append("<div class=\"space\"></div><div class=\"b\">").append(e(d.applicantName())).append("</div></td>")
			.append("<td class=\"half\"><div class=\"b\">").append(Texts.vi("dossiers.pdf.receipt.receiverSigns"))
			.append("</div><div class=\"i\">").append(Texts.vi("dossiers.pdf.signHere")).append("</div>")
			.append("<div class=\"space\"></div><div class=\"b\">").append(e(d.receiverName())).append("</div></td></tr></table>");
		qr(h, d.trackingUrl(), Texts.vi("dossiers.pdf.receipt.track", d.trackingUrl()));
		return render(h);
	}

	// ---------------------------------------------------------------- apology

	public static byte[] apology(ApologyData d) {
		var h = start(Texts.vi("dossiers.pdf.apology.title"));
		header(h, d.issuer(), List.of(d.issuer().upperBody()), Texts.vi("dossiers.pdf.codeLine", d.code()), d.today());
		h.append("<div class=\"title\">").append(upper(Texts.vi("dossiers.pdf.apology.title"))).append("</div>");
		h.append("<div class=\"kg\">").append(Texts.vi("dossiers.pdf.apology.to", e(d.applicantName()))).append("</div><div class=\"body\">");
		var received = LocalDateTime.ofInstant(d.receivedAt(), Sla.VIETNAM).toLocalDate();
		p(h, Texts.vi("dossiers.pdf.apology.received", e(d.issuer().body()), e(d.procedureName()), e(d.code()), DATE.format(received),
				DATE.format(d.oldDue())));
		p(h, Texts.vi("dossiers.pdf.apology.late", e(d.reason())));
		p(h, Texts.vi("dossiers.pdf.apology.sorry", DATE.format(d.newDue())));
		p(h, Texts.vi("dossiers.pdf.apology.thanks"));
		h.append("</div><table class=\"foot\"><tr><td class=\"half\"></td><td class=\"half\"><div class=\"b\">")
			.append(Texts.vi("dossiers.pdf.apology.onBehalf")).append("</div>")
			.append("<div class=\"space\"></div><div class=\"b\">").append(e(d.signerName())).append("</div></td></tr></table>");
		return render(h);
	}

	// ---------------------------------------------------------------- results

	public static byte[] result(ResultData d) {
		return switch (d.template()) {
			case "birth-extract" -> birthExtract(d);
			case "marriage-certificate" -> CivilStatusPdfs.marriage(d);
			case "death-extract" -> CivilStatusPdfs.death(d);
			default -> confirmation(d);
		};
	}

	static byte[] birthExtract(ResultData d) {
		var f = d.form();
		var h = start(Texts.vi("dossiers.pdf.birth.title"));
		header(h, d.issuer(), List.of(d.issuer().upperBody()), Texts.vi("dossiers.pdf.number", d.shownNumber()) + "/TLKS", d.date());
		h.append("<div class=\"title\">").append(e(upper(Texts.vi("dossiers.pdf.birth.title")))).append("</div><div class=\"sub i\">")
			.append(Texts.vi("dossiers.pdf.original")).append("</div><div class=\"rows\">");
		row(h, Texts.vi("dossiers.pdf.row.name"), upper(get(f, "childName", "child_name")), true);
		var birth = get(f, "childBirthDate", "child_birth_date");
		row(h, Texts.vi("dossiers.pdf.row.birthDate"), formatDate(birth) + inWords(birth), false);
		row2(h, Texts.vi("dossiers.pdf.row.sex"), sex(get(f, "childSex", "child_sex")), Texts.vi("dossiers.pdf.row.ethnicity"), or(get(f, "childEthnicity", "child_ethnicity"), Texts.vi("dossiers.text.defaultEthnicity")),
				Texts.vi("dossiers.pdf.row.nationality"), or(get(f, "childNationality", "child_nationality"), Texts.vi("dossiers.text.defaultNationality")));
		row(h, Texts.vi("dossiers.pdf.birth.birthPlace"), get(f, "childBirthPlace", "birth_place"), false);
		row(h, Texts.vi("dossiers.pdf.birth.hometown"), get(f, "childHometown", "home_town"), false);
		row(h, Texts.vi("dossiers.pdf.row.idNumber"), get(f, "childIdNumber", "child_id_number"), false);
		h.append("<div class=\"gap\"></div>");
		row(h, Texts.vi("dossiers.pdf.birth.mother"), upper(get(f, "motherName", "mother_name")), true);
		row2(h, Texts.vi("dossiers.pdf.birth.birthYear"), year(get(f, "motherBirthDate", "mother_birth_year")), Texts.vi("dossiers.pdf.row.ethnicity"), or(get(f, "motherEthnicity", "mother_ethnicity"), Texts.vi("dossiers.text.defaultEthnicity")),
				Texts.vi("dossiers.pdf.row.nationality"), or(get(f, "motherNationality", "mother_nationality"), Texts.vi("dossiers.text.defaultNationality")));
		row(h, Texts.vi("dossiers.pdf.row.residence"), residence(f, Texts.vi("dossiers.text.relation.mother"), "motherResidence"), false);
		// no father recorded (Luật Hộ tịch: "chưa xác định được cha"): his rows are left out, not printed as blanks
		if (!get(f, "fatherName", "father_name").isBlank()) {
			h.append("<div class=\"gap\"></div>");
			row(h, Texts.vi("dossiers.pdf.birth.father"), upper(get(f, "fatherName", "father_name")), true);
			row2(h, Texts.vi("dossiers.pdf.birth.birthYear"), year(get(f, "fatherBirthDate", "father_birth_year")), Texts.vi("dossiers.pdf.row.ethnicity"), or(get(f, "fatherEthnicity", "father_ethnicity"), Texts.vi("dossiers.text.defaultEthnicity")),
					Texts.vi("dossiers.pdf.row.nationality"), or(get(f, "fatherNationality", "father_nationality"), Texts.vi("dossiers.text.defaultNationality")));
			row(h, Texts.vi("dossiers.pdf.row.residence"), residence(f, Texts.vi("dossiers.text.relation.father"), "fatherResidence"), false);
		}
		h.append("<div class=\"gap\"></div>");
		row(h, Texts.vi("dossiers.pdf.birth.place"), d.issuer().body() + ", " + lowerFirst(d.issuer().provinceName()), false);
		row(h, Texts.vi("dossiers.pdf.row.registeredOn"), DATE.format(d.date()), false);
		row(h, Texts.vi("dossiers.pdf.row.code"), d.code(), false);
		h.append("</div>");
		signer(h, d);
		qr(h, d.verifyUrl(), Texts.vi("dossiers.pdf.verify", d.verifyUrl()));
		return render(h);
	}

	static byte[] confirmation(ResultData d) {
		var h = start(d.procedureName());
		header(h, d.issuer(), List.of(d.issuer().upperBody()), Texts.vi("dossiers.pdf.number", d.shownNumber()), d.date());
		h.append("<div class=\"title\">").append(e(upper(title(d.template())))).append("</div>");
		h.append("<div class=\"sub\">").append(e(d.procedureName())).append("</div><div class=\"body\">");
		p(h, Texts.vi("dossiers.pdf.confirm.lead", e(d.issuer().body()), e(d.procedureName())));
		p(h, Texts.vi("dossiers.pdf.receipt.applicant", e(d.applicantName()))
				+ (d.applicantCccd().isBlank() ? "" : Texts.vi("dossiers.pdf.confirm.idNumber", e(d.applicantCccd()))), true);
		p(h, Texts.vi("dossiers.pdf.confirm.contents"), true);
		h.append("</div><div class=\"rows\">");
		for (var entry : d.form().entrySet()) {
			if (!entry.getValue().isBlank() && !entry.getKey().equals("pledge") && !entry.getKey().startsWith("requester")) {
				row(h, d.fieldLabels().getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(), false);
			}
		}
		row(h, Texts.vi("dossiers.pdf.row.code"), d.code(), false);
		h.append("</div>");
		signer(h, d);
		qr(h, d.verifyUrl(), Texts.vi("dossiers.pdf.verify", d.verifyUrl()));
		return render(h);
	}

	static String title(String template) {
		return switch (template) {
			case "marriage-certificate" -> Texts.vi("dossiers.pdf.marriage.title");
			case "death-extract" -> Texts.vi("dossiers.pdf.death.title");
			case "marital-status" -> Texts.vi("dossiers.pdf.maritalStatus.title");
			case "certified-copy" -> Texts.vi("dossiers.pdf.certifiedCopy.title");
			default -> Texts.vi("dossiers.pdf.confirmation.title");
		};
	}

	static void signer(StringBuilder h, ResultData d) {
		h.append("<table class=\"foot\"><tr><td class=\"half\"></td><td class=\"half\"><div class=\"b\">")
			.append(e(upper(d.signerTitle()))).append("</div><div class=\"space\"></div><div class=\"b\">")
			.append(e(d.signerName())).append("</div></td></tr></table>");
	}

	// ---------------------------------------------------------------- html helpers

	static StringBuilder start(String title) {
		var h = new StringBuilder(8192);
		h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(e(title)).append("</title><style>")
			.append("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }")
			.append("body { font-family: '").append(FONT).append("'; font-size: 13pt; line-height: 1.2; }")
			.append("table { width: 100%; border-collapse: collapse; } td { vertical-align: top; padding: 0; }")
			.append(".hl { width: 42%; text-align: center; font-size: 12pt; } .hr { width: 58%; text-align: center; }")
			.append(".b { font-weight: bold; } .i { font-style: italic; }")
			.append(".qh { font-size: 12pt; font-weight: bold; } .tn { font-size: 13pt; font-weight: bold; }")
			.append(".rule { border-top: 0.6pt solid #000; margin: 3pt auto 0 auto; height: 0; width: 50%; }")
			.append(".num { margin-top: 6pt; font-size: 12pt; } .date { font-style: italic; margin-top: 6pt; }")
			.append(".title { text-align: center; font-weight: bold; font-size: 14pt; margin: 16pt 0 2pt 0; }")
			.append(".sub { text-align: center; margin: 0 0 10pt 0; } .kg { text-align: center; margin: 6pt 0 10pt 0; }")
			.append(".body p { text-align: justify; margin: 0 0 5pt 0; } .body p.ind { text-indent: 0; } .body p.par { text-indent: 1cm; }")
			.append(".rows { margin-top: 6pt; } .row { margin: 0 0 4pt 0; } .gap { height: 6pt; }")
			.append(".foot { margin-top: 14pt; page-break-inside: avoid; } .half { width: 50%; text-align: center; }")
			.append(".space { height: 70pt; }")
			.append(".qr { margin-top: 10pt; font-size: 10pt; page-break-inside: avoid; } .qr img { width: 28mm; height: 28mm; }")
			.append("</style></head><body>");
		return h;
	}

	static void header(StringBuilder h, Issuer issuer, List<String> body, String number, LocalDate date) {
		h.append("<table><tr><td class=\"hl\">");
		for (int i = 0; i < body.size(); i++) {
			h.append("<div class=\"").append(i == body.size() - 1 ? "b" : "").append("\">").append(e(body.get(i))).append("</div>");
		}
		h.append("<div class=\"rule\"></div><div class=\"num\">").append(e(number)).append("</div></td><td class=\"hr\">")
			.append("<div class=\"qh\">").append(Texts.vi("dossiers.pdf.nation")).append("</div><div class=\"tn\">").append(Texts.vi("dossiers.pdf.motto")).append("</div>")
			.append("<div class=\"rule\"></div><div class=\"date\">").append(e(placeAndDate(issuer.placeName(), date)))
			.append("</div></td></tr></table>");
	}

	private static void p(StringBuilder h, String html) {
		h.append("<p class=\"par\">").append(html).append("</p>");
	}

	private static void p(StringBuilder h, String html, boolean noIndent) {
		h.append("<p class=\"ind\">").append(html).append("</p>");
	}

	static void row(StringBuilder h, String label, String value, boolean bold) {
		h.append("<div class=\"row\">").append(e(label)).append(": ").append(bold ? "<b>" : "").append(e(value.isBlank() ? "…" : value))
			.append(bold ? "</b>" : "").append("</div>");
	}

	private static void row2(StringBuilder h, String l1, String v1, String l2, String v2, String l3, String v3) {
		h.append("<div class=\"row\">").append(e(l1)).append(": ").append(e(v1.isBlank() ? "…" : v1)).append("&#160;&#160;&#160;&#160; ")
			.append(e(l2)).append(": ").append(e(v2)).append("&#160;&#160;&#160;&#160; ").append(e(l3)).append(": ").append(e(v3)).append("</div>");
	}

	static void qr(StringBuilder h, String url, String caption) {
		h.append("<table class=\"qr\"><tr><td style=\"width: 32mm\"><img src=\"data:image/png;base64,")
			.append(Base64.getEncoder().encodeToString(qrPng(url, 240))).append("\"/></td><td>").append(e(caption)).append("</td></tr></table>");
	}

	static byte[] qrPng(String text, int size) {
		return vn.xaso.platform.render.QrCodes.png(text, size, 2);
	}

	static byte[] render(StringBuilder h) {
		h.append("</body></html>");
		return vn.xaso.platform.render.HtmlPdf.render(h.toString());
	}


	static String placeAndDate(String place, LocalDate date) {
		var day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
		var month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
		return Texts.vi("dossiers.pdf.placeAndDate", place, day, month, Integer.toString(date.getYear()));
	}

	static String get(Map<String, String> form, String... keys) {
		for (var k : keys) {
			var v = form.get(k);
			if (v != null && !v.isBlank()) {
				return v.strip();
			}
		}
		return "";
	}

	private static String year(String isoDate) {
		return isoDate.length() >= 4 && isoDate.substring(0, 4).matches("[0-9]{4}") ? isoDate.substring(0, 4) : isoDate;
	}

	/** The parent's residence: their own field, else the requester's address when the requester is that parent. */
	private static String residence(Map<String, String> f, String relation, String key) {
		var own = get(f, key);
		if (!own.isBlank()) {
			return own;
		}
		return relation.equals(get(f, "requesterRelation")) ? get(f, "requesterAddress") : "";
	}

	static String or(String v, String fallback) {
		return v.isBlank() ? fallback : v;
	}

	/** "Nam" or "Nữ" (the bundle's {@code dossiers.pdf.sex.*}) for the ways a sex is written in the e-form; anything else as it is. */
	static String sex(String v) {
		var female = Texts.vi("dossiers.pdf.sex.female");
		var low = v.toLowerCase(java.util.Locale.ROOT);
		if (List.of("m", "male", "nam").contains(low)) {
			return Texts.vi("dossiers.pdf.sex.male");
		}
		return List.of("f", "female", "nu", female.toLowerCase(java.util.Locale.ROOT)).contains(low) ? female : v;
	}

	static String formatDate(String iso) {
		try {
			return DATE.format(LocalDate.parse(iso));
		}
		catch (RuntimeException e) {
			return iso;
		}
	}

	/** "; ghi bằng chữ: Ngày hai mươi, tháng mười một, năm hai nghìn không trăm hai mươi sáu" for an ISO date. */
	static String inWords(String iso) {
		try {
			var d = LocalDate.parse(iso);
			return Texts.vi("dossiers.pdf.dateInWords", VietnameseText.number(d.getDayOfMonth()), VietnameseText.number(d.getMonthValue()),
					VietnameseText.number(d.getYear()));
		}
		catch (RuntimeException e) {
			return "";
		}
	}

	static String lowerFirst(String s) {
		return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + s.substring(1);
	}

	static String upper(String s) {
		return s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
	}

	static String e(String s) {
		return Markup.escape(s);
	}
}
