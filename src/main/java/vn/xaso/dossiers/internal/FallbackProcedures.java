package vn.xaso.dossiers.internal;

import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * TEMPORARY stand-in for the catalogue module until its API is merged: three commune procedures with the
 * fields the dossier core needs. Replaced by an adapter over {@code vn.xaso.catalog.Procedures}.
 */
@Component
class FallbackProcedures implements ProcedureCatalog {

	private static final Map<Long, ProcedureInfo> BY_VERSION = new LinkedHashMap<>();

	static {
		add(new ProcedureInfo(900001, "1.001193", "Đăng ký khai sinh", "Hộ tịch", 3, "WORKING_DAYS", LocalTime.of(15, 0),
				f -> 0, List.of(new ProcedureInfo.Paper("to-khai", "Tờ khai đăng ký khai sinh", true),
						new ProcedureInfo.Paper("giay-chung-sinh", "Giấy chứng sinh", true)),
				FallbackProcedures::birthForm, "FULL", "birth-extract", "standard", null));
		add(new ProcedureInfo(900002, "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 0,
				"SAME_DAY", LocalTime.of(15, 0), FallbackProcedures::copyFee,
				List.of(new ProcedureInfo.Paper("ban-chinh", "Bản chính giấy tờ cần chứng thực", true)),
				FallbackProcedures::copyForm, "PARTIAL", "certified-copy", "same-day", null));
		add(new ProcedureInfo(900003, "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, "WORKING_DAYS",
				LocalTime.of(15, 0), f -> 0, List.of(new ProcedureInfo.Paper("to-khai", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", true)),
				f -> Map.of(), "FULL", "marital-status", "standard", null));
	}

	private static void add(ProcedureInfo p) {
		BY_VERSION.put(p.versionId(), p);
	}

	@Override
	public Optional<ProcedureInfo> current(String unitCode, String code) {
		return BY_VERSION.values().stream().filter(p -> p.code().equals(code)).findFirst();
	}

	@Override
	public Optional<ProcedureInfo> version(long versionId) {
		return Optional.ofNullable(BY_VERSION.get(versionId));
	}

	private static Map<String, String> birthForm(Map<String, String> f) {
		var errors = new LinkedHashMap<String, String>();
		if (f.getOrDefault("child_name", "").isBlank()) {
			errors.put("child_name", "Hãy nhập họ, chữ đệm và tên của trẻ.");
		}
		var date = f.getOrDefault("child_birth_date", "");
		try {
			var d = java.time.LocalDate.parse(date);
			if (d.isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))) {
				errors.put("child_birth_date", "Ngày sinh không được sau hôm nay.");
			}
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.put("child_birth_date", "Hãy nhập ngày sinh theo dạng năm-tháng-ngày, ví dụ 2026-11-20.");
		}
		if (f.getOrDefault("mother_name", "").isBlank() && f.getOrDefault("father_name", "").isBlank()) {
			errors.put("mother_name", "Hãy nhập họ tên mẹ hoặc cha của trẻ.");
		}
		return errors;
	}

	private static Map<String, String> copyForm(Map<String, String> f) {
		var errors = new LinkedHashMap<String, String>();
		for (var field : List.of("pages", "copies")) {
			var v = f.getOrDefault(field, "");
			if (!v.matches("[1-9][0-9]{0,2}")) {
				errors.put(field, "pages".equals(field) ? "Số trang phải là số từ 1 đến 999." : "Số bản phải là số từ 1 đến 999.");
			}
		}
		return errors;
	}

	/** Thông tư 226/2016/TT-BTC: 2,000 đ/page for pages 1–2, 1,000 đ from page 3, at most 200,000 đ per copy. */
	private static long copyFee(Map<String, String> f) {
		int pages;
		int copies;
		try {
			pages = Integer.parseInt(f.getOrDefault("pages", "1"));
			copies = Integer.parseInt(f.getOrDefault("copies", "1"));
		}
		catch (NumberFormatException e) {
			return 0;
		}
		long perCopy = Math.min(200_000, 2_000L * Math.min(pages, 2) + 1_000L * Math.max(0, pages - 2));
		return perCopy * copies;
	}
}
