package vn.xaso.dossiers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import vn.xaso.dossiers.DossierFile;

/**
 * The papers listed on the receipt slip by what they are (the catalogue's paper name, "Tờ khai đăng ký khai
 * sinh"), not by the file names a phone gives scans ("IMG_2031.jpg"): one line per paper in the catalogue's
 * order, with the number of pages/files when there are several; files not marked as a paper of the procedure
 * are counted together as "Giấy tờ khác".
 */
final class ReceiptPapers {

	private ReceiptPapers() {
	}

	/** "Tờ khai đăng ký khai sinh (điền trực tuyến theo mẫu dưới đây)" → "Tờ khai đăng ký khai sinh". */
	static String plain(String name) {
		return name.replaceAll("\\s*\\(điền trực tuyến[^)]*\\)", "");
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
				lines.add(plain(paper.name()) + (n > 1 ? " (" + n + " tệp)" : ""));
			}
		}
		if (others > 0) {
			lines.add("Giấy tờ khác kèm theo" + (others > 1 ? " (" + others + " tệp)" : ""));
		}
		return lines;
	}
}
