package vn.xaso.dossiers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import vn.xaso.dossiers.DossierFile;

/**
 * The papers listed on the receipt slip by what they are (the catalogue's paper name, "Tờ khai đăng ký khai
 * sinh"), not by the file names a phone gives scans ("IMG_2031.jpg"): one line per paper in the catalogue's
 * order, with the number of pages/files when there are several; files not marked as a paper of the procedure
 * are counted together as "Giấy tờ khác".
 */
final class ReceiptPapers {

	/** The catalogue's note on the e-form's own paper, "(điền trực tuyến …)" (the bundle's {@code dossiers.text.byForm}). */
	private static final Pattern BY_FORM_NOTE = Pattern.compile("\\s*\\(" + Pattern.quote(Texts.vi("dossiers.text.byForm")) + "[^)]*\\)");

	private ReceiptPapers() {
	}

	/** "Tờ khai đăng ký khai sinh (điền trực tuyến theo mẫu dưới đây)" → "Tờ khai đăng ký khai sinh". */
	static String plain(String name) {
		return BY_FORM_NOTE.matcher(name).replaceAll("");
	}

	static List<String> names(List<DossierFile> files, List<ProcedureInfo.Paper> catalogue) {
		var counts = new LinkedHashMap<String, Integer>();
		for (var paper : catalogue) {
			counts.put(paper.code(), 0);
		}
		int others = 0;
		for (var file : files) {
			if (file.result()) {
				continue;
			}
			var code = file.paperCode() == null ? "" : file.paperCode();
			if (counts.containsKey(code)) {
				counts.merge(code, 1, Integer::sum);
			}
			else {
				others++;
			}
		}
		var lines = new ArrayList<String>();
		for (var paper : catalogue) {
			int n = counts.get(paper.code());
			if (n > 0) {
				lines.add(plain(paper.name()) + (n > 1 ? Texts.vi("dossiers.pdf.receipt.files", String.valueOf(n)) : ""));
			}
		}
		if (others > 0) {
			lines.add(Texts.vi("dossiers.pdf.receipt.otherPapers") + (others > 1 ? Texts.vi("dossiers.pdf.receipt.files", String.valueOf(others)) : ""));
		}
		return lines;
	}
}
