package vn.xaso.dossiers.internal;

import static vn.xaso.dossiers.internal.Pdfs.*;

import java.util.List;

/**
 * The marriage certificate (Giấy chứng nhận kết hôn) and the death extract (Trích lục khai tử, bản chính) in the
 * order of the Bộ Tư pháp forms (Thông tư 04/2020/TT-BTP): "Số:" is the entry's number in the commune's marriage or
 * death register for the year, every line is filled from the e-form and the specialist's entries (a blank line
 * would print "…", which {@link ResultSheets#forSigning} refuses to sign).
 */
final class CivilStatusPdfs {

	private CivilStatusPdfs() {
	}

	static byte[] marriage(Pdfs.ResultData d) {
		var f = d.form();
		var h = start("Giấy chứng nhận kết hôn");
		header(h, d.issuer(), List.of(d.issuer().upperBody()), "Số: " + d.shownNumber(), d.date());
		h.append("<div class=\"title\">GIẤY CHỨNG NHẬN KẾT HÔN</div><div class=\"sub i\">(Bản chính)</div><div class=\"rows\">");
		person(h, "Họ, chữ đệm, tên chồng", f, "groom");
		h.append("<div class=\"gap\"></div>");
		person(h, "Họ, chữ đệm, tên vợ", f, "bride");
		h.append("<div class=\"gap\"></div>");
		row(h, "Nơi đăng ký kết hôn", d.issuer().body() + ", " + lowerFirst(d.issuer().provinceName()), false);
		row(h, "Ngày, tháng, năm đăng ký", DATE.format(d.date()), false);
		row(h, "Mã hồ sơ", d.code(), false);
		h.append("</div>");
		signer(h, d);
		qr(h, d.verifyUrl(), "Kiểm tra bản điện tử và chữ ký số: " + d.verifyUrl());
		return render(h);
	}

	private static void person(StringBuilder h, String nameLabel, java.util.Map<String, String> f, String who) {
		row(h, nameLabel, upper(get(f, who + "Name")), true);
		row(h, "Ngày, tháng, năm sinh", formatDate(get(f, who + "BirthDate")), false);
		row(h, "Dân tộc", get(f, who + "Ethnicity"), false);
		row(h, "Quốc tịch", get(f, who + "Nationality"), false);
		row(h, "Nơi cư trú", get(f, who + "Residence"), false);
		row(h, "Số định danh cá nhân", get(f, who + "IdNumber", who + "Cccd"), false);
	}

	static byte[] death(Pdfs.ResultData d) {
		var f = d.form();
		var h = start("Trích lục khai tử");
		header(h, d.issuer(), List.of(d.issuer().upperBody()), "Số: " + d.shownNumber() + "/TLKT", d.date());
		h.append("<div class=\"title\">TRÍCH LỤC KHAI TỬ</div><div class=\"sub i\">(Bản chính)</div><div class=\"rows\">");
		row(h, "Họ, chữ đệm, tên", upper(get(f, "deceasedName")), true);
		var birth = get(f, "deceasedBirthDate");
		row(h, "Ngày, tháng, năm sinh", formatDate(birth) + inWords(birth), false);
		row(h, "Giới tính", sex(get(f, "deceasedSex")), false);
		row(h, "Dân tộc", get(f, "deceasedEthnicity"), false);
		row(h, "Quốc tịch", get(f, "deceasedNationality"), false);
		row(h, "Số định danh cá nhân", get(f, "deceasedIdNumber", "deceasedCccd"), false);
		row(h, "Nơi cư trú cuối cùng", get(f, "deceasedResidence"), false);
		h.append("<div class=\"gap\"></div>");
		var death = get(f, "deathDate");
		row(h, "Đã chết vào ngày", formatDate(death) + inWords(death), false);
		row(h, "Nơi chết", get(f, "deathPlace"), false);
		row(h, "Nguyên nhân chết", get(f, "deathCause"), false);
		row(h, "Giấy báo tử/Giấy tờ thay thế", get(f, "deathNotice"), false);
		h.append("<div class=\"gap\"></div>");
		row(h, "Họ, chữ đệm, tên người đi khai tử", or(get(f, "requesterName"), d.applicantName()), false);
		row(h, "Nơi đăng ký khai tử", d.issuer().body() + ", " + lowerFirst(d.issuer().provinceName()), false);
		row(h, "Ngày, tháng, năm đăng ký", DATE.format(d.date()), false);
		row(h, "Mã hồ sơ", d.code(), false);
		h.append("</div>");
		signer(h, d);
		qr(h, d.verifyUrl(), "Kiểm tra bản điện tử và chữ ký số: " + d.verifyUrl());
		return render(h);
	}
}
