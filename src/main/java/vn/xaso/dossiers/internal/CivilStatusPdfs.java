package vn.xaso.dossiers.internal;

import static vn.xaso.dossiers.internal.Pdfs.*;

import java.util.List;

/**
 * The marriage certificate (Giấy chứng nhận kết hôn) and the death extract (Trích lục khai tử, bản chính) in the
 * order of the Bộ Tư pháp forms (Thông tư 04/2020/TT-BTP): "Số:" is the entry's number in the commune's marriage or
 * death register for the year, every line is filled from the e-form and the specialist's entries (a blank line
 * would print "…", which {@link FillingResult#forSigning} refuses to sign).
 */
final class CivilStatusPdfs {

	private CivilStatusPdfs() {
	}

	static byte[] marriage(Pdfs.ResultData d) {
		var f = d.form();
		var h = start(Texts.vi("dossiers.pdf.marriage.title"));
		header(h, d.issuer(), List.of(d.issuer().upperBody()), Texts.vi("dossiers.pdf.number", d.shownNumber()), d.date());
		h.append("<div class=\"title\">" + e(upper(Texts.vi("dossiers.pdf.marriage.title"))) + "</div><div class=\"sub i\">" + Texts.vi("dossiers.pdf.original")
			+ "</div><div class=\"rows\">");
		person(h, Texts.vi("dossiers.pdf.marriage.groom"), f, "groom");
		h.append("<div class=\"gap\"></div>");
		person(h, Texts.vi("dossiers.pdf.marriage.bride"), f, "bride");
		h.append("<div class=\"gap\"></div>");
		row(h, Texts.vi("dossiers.pdf.marriage.place"), d.issuer().body() + ", " + lowerFirst(d.issuer().provinceName()), false);
		row(h, Texts.vi("dossiers.pdf.row.registeredOn"), DATE.format(d.date()), false);
		row(h, Texts.vi("dossiers.pdf.row.code"), d.code(), false);
		h.append("</div>");
		signer(h, d);
		qr(h, d.verifyUrl(), Texts.vi("dossiers.pdf.verify", d.verifyUrl()));
		return render(h);
	}

	private static void person(StringBuilder h, String nameLabel, java.util.Map<String, String> f, String who) {
		row(h, nameLabel, upper(get(f, who + "Name")), true);
		row(h, Texts.vi("dossiers.pdf.row.birthDate"), formatDate(get(f, who + "BirthDate")), false);
		row(h, Texts.vi("dossiers.pdf.row.ethnicity"), get(f, who + "Ethnicity"), false);
		row(h, Texts.vi("dossiers.pdf.row.nationality"), get(f, who + "Nationality"), false);
		row(h, Texts.vi("dossiers.pdf.row.residence"), get(f, who + "Residence"), false);
		row(h, Texts.vi("dossiers.pdf.row.idNumber"), get(f, who + "IdNumber", who + "Cccd"), false);
	}

	static byte[] death(Pdfs.ResultData d) {
		var f = d.form();
		var h = start(Texts.vi("dossiers.pdf.death.title"));
		header(h, d.issuer(), List.of(d.issuer().upperBody()), Texts.vi("dossiers.pdf.number", d.shownNumber()) + "/TLKT", d.date());
		h.append("<div class=\"title\">" + e(upper(Texts.vi("dossiers.pdf.death.title"))) + "</div><div class=\"sub i\">" + Texts.vi("dossiers.pdf.original")
			+ "</div><div class=\"rows\">");
		row(h, Texts.vi("dossiers.pdf.row.name"), upper(get(f, "deceasedName")), true);
		var birth = get(f, "deceasedBirthDate");
		row(h, Texts.vi("dossiers.pdf.row.birthDate"), formatDate(birth) + inWords(birth), false);
		row(h, Texts.vi("dossiers.pdf.row.sex"), sex(get(f, "deceasedSex")), false);
		row(h, Texts.vi("dossiers.pdf.row.ethnicity"), get(f, "deceasedEthnicity"), false);
		row(h, Texts.vi("dossiers.pdf.row.nationality"), get(f, "deceasedNationality"), false);
		row(h, Texts.vi("dossiers.pdf.row.idNumber"), get(f, "deceasedIdNumber", "deceasedCccd"), false);
		row(h, Texts.vi("dossiers.pdf.death.lastResidence"), get(f, "deceasedResidence"), false);
		h.append("<div class=\"gap\"></div>");
		var death = get(f, "deathDate");
		row(h, Texts.vi("dossiers.pdf.death.date"), formatDate(death) + inWords(death), false);
		row(h, Texts.vi("dossiers.pdf.death.place"), get(f, "deathPlace"), false);
		row(h, Texts.vi("dossiers.pdf.death.cause"), get(f, "deathCause"), false);
		row(h, Texts.vi("dossiers.pdf.death.notice"), get(f, "deathNotice"), false);
		h.append("<div class=\"gap\"></div>");
		row(h, Texts.vi("dossiers.pdf.death.requester"), or(get(f, "requesterName"), d.applicantName()), false);
		row(h, Texts.vi("dossiers.pdf.death.place.registered"), d.issuer().body() + ", " + lowerFirst(d.issuer().provinceName()), false);
		row(h, Texts.vi("dossiers.pdf.row.registeredOn"), DATE.format(d.date()), false);
		row(h, Texts.vi("dossiers.pdf.row.code"), d.code(), false);
		h.append("</div>");
		signer(h, d);
		qr(h, d.verifyUrl(), Texts.vi("dossiers.pdf.verify", d.verifyUrl()));
		return render(h);
	}
}
