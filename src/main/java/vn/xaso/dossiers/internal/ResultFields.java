package vn.xaso.dossiers.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a result the specialist completes before the leader signs, per result template, with the
 * e-form fields they are prefilled from; and the civil-status register (sổ hộ tịch) a template is entered in.
 * The birth extract follows the Bộ Tư pháp form (Thông tư 04/2020/TT-BTP): every line must be filled — the
 * father's lines only when a father is recorded.
 */
public final class ResultFields {

	/** kind: TEXT, DATE (ISO in the form, dd/MM/yyyy when shown), SEX (Nam/Nữ). {@code fatherOnly}: needed only with a father. */
	public record Field(String key, String label, String kind, boolean fatherOnly, List<String> sources) {
	}

	private static final List<Field> BIRTH = List.of(
			new Field("childName", "Họ, chữ đệm, tên của trẻ", "TEXT", false, List.of("childName", "child_name")),
			new Field("childBirthDate", "Ngày, tháng, năm sinh", "DATE", false, List.of("childBirthDate", "child_birth_date")),
			new Field("childSex", "Giới tính", "SEX", false, List.of("childSex", "child_sex")),
			new Field("childEthnicity", "Dân tộc", "TEXT", false, List.of("childEthnicity", "child_ethnicity")),
			new Field("childNationality", "Quốc tịch", "TEXT", false, List.of("childNationality", "child_nationality")),
			new Field("childBirthPlace", "Nơi sinh", "TEXT", false, List.of("childBirthPlace", "birth_place")),
			new Field("childHometown", "Quê quán", "TEXT", false, List.of("childHometown", "home_town")),
			new Field("childIdNumber", "Số định danh cá nhân của trẻ", "TEXT", false, List.of("childIdNumber", "child_id_number")),
			new Field("motherName", "Họ, chữ đệm, tên người mẹ", "TEXT", false, List.of("motherName", "mother_name")),
			new Field("motherBirthDate", "Năm sinh của mẹ", "TEXT", false, List.of("motherBirthDate", "mother_birth_year")),
			new Field("motherEthnicity", "Dân tộc của mẹ", "TEXT", false, List.of("motherEthnicity", "mother_ethnicity")),
			new Field("motherNationality", "Quốc tịch của mẹ", "TEXT", false, List.of("motherNationality", "mother_nationality")),
			new Field("motherResidence", "Nơi cư trú của mẹ", "TEXT", false, List.of("motherResidence")),
			new Field("fatherName", "Họ, chữ đệm, tên người cha (để trống nếu chưa xác định được cha)", "TEXT", false,
					List.of("fatherName", "father_name")),
			new Field("fatherBirthDate", "Năm sinh của cha", "TEXT", true, List.of("fatherBirthDate", "father_birth_year")),
			new Field("fatherEthnicity", "Dân tộc của cha", "TEXT", true, List.of("fatherEthnicity", "father_ethnicity")),
			new Field("fatherNationality", "Quốc tịch của cha", "TEXT", true, List.of("fatherNationality", "father_nationality")),
			new Field("fatherResidence", "Nơi cư trú của cha", "TEXT", true, List.of("fatherResidence")));

	private ResultFields() {
	}

	public static List<Field> of(String template) {
		return "birth-extract".equals(template) ? BIRTH : List.of();
	}

	/** The civil-status register of a template: KS (khai sinh), KH (kết hôn), KT (khai tử); null for other results. */
	public static @Nullable String book(String template) {
		return switch (template) {
			case "birth-extract" -> "KS";
			case "marriage-certificate" -> "KH";
			case "death-extract" -> "KT";
			default -> null;
		};
	}

	public static String bookName(String book) {
		return switch (book) {
			case "KS" -> "Sổ đăng ký khai sinh";
			case "KH" -> "Sổ đăng ký kết hôn";
			case "KT" -> "Sổ đăng ký khai tử";
			default -> "Sổ hộ tịch";
		};
	}

	/**
	 * The values the result is printed with: the e-form, with the fields' sources copied under their keys, the
	 * parents' residence from the requester's address when the requester is that parent, ethnicity and nationality
	 * "Kinh"/"Việt Nam" by default, then the specialist's entries over all of it.
	 */
	public static Map<String, String> merge(String template, Map<String, String> form, Map<String, String> entries) {
		var merged = new LinkedHashMap<>(form);
		for (var field : of(template)) {
			var value = field.sources().stream().map(form::get).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
			if (value.isBlank() && field.key().endsWith("Residence")) {
				var relation = field.key().startsWith("mother") ? "Mẹ" : "Cha";
				value = relation.equals(form.get("requesterRelation")) ? form.getOrDefault("requesterAddress", "") : "";
			}
			if (value.isBlank() && field.key().endsWith("Ethnicity")) {
				value = "Kinh";
			}
			if (value.isBlank() && field.key().endsWith("Nationality")) {
				value = "Việt Nam";
			}
			merged.put(field.key(), value.strip());
		}
		entries.forEach((k, v) -> {
			if (of(template).stream().anyMatch(f -> f.key().equals(k))) {
				merged.put(k, v == null ? "" : v.strip());
			}
		});
		return merged;
	}

	/** The labels of the fields still blank in {@code merged}. */
	public static List<String> missing(String template, Map<String, String> merged) {
		boolean father = !merged.getOrDefault("fatherName", "").isBlank();
		return of(template).stream().filter(f -> !f.fatherOnly() || father).filter(f -> !f.key().equals("fatherName"))
			.filter(f -> merged.getOrDefault(f.key(), "").isBlank()).map(Field::label).toList();
	}
}
