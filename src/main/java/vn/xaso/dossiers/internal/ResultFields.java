package vn.xaso.dossiers.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a result the specialist completes before the leader signs, per result template, with the
 * e-form fields they are prefilled from; and the civil-status register (sổ hộ tịch) a template is entered in.
 * The birth extract follows the Bộ Tư pháp form (Thông tư 04/2020/TT-BTP): every line must be filled — the
 * father's lines only when a father is recorded. The marriage certificate and the death extract likewise (issue 21).
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

	private static final List<Field> MARRIAGE = List.of(
			new Field("groomName", "Họ, chữ đệm, tên chồng", "TEXT", false, List.of("groomName")),
			new Field("groomBirthDate", "Ngày sinh của chồng", "DATE", false, List.of("groomBirthDate")),
			new Field("groomEthnicity", "Dân tộc của chồng", "TEXT", false, List.of("groomEthnicity")),
			new Field("groomNationality", "Quốc tịch của chồng", "TEXT", false, List.of("groomNationality")),
			new Field("groomResidence", "Nơi cư trú của chồng", "TEXT", false, List.of("groomResidence")),
			new Field("groomIdNumber", "Số định danh cá nhân của chồng", "TEXT", false, List.of("groomIdNumber", "groomCccd")),
			new Field("brideName", "Họ, chữ đệm, tên vợ", "TEXT", false, List.of("brideName")),
			new Field("brideBirthDate", "Ngày sinh của vợ", "DATE", false, List.of("brideBirthDate")),
			new Field("brideEthnicity", "Dân tộc của vợ", "TEXT", false, List.of("brideEthnicity")),
			new Field("brideNationality", "Quốc tịch của vợ", "TEXT", false, List.of("brideNationality")),
			new Field("brideResidence", "Nơi cư trú của vợ", "TEXT", false, List.of("brideResidence")),
			new Field("brideIdNumber", "Số định danh cá nhân của vợ", "TEXT", false, List.of("brideIdNumber", "brideCccd")));

	private static final List<Field> DEATH = List.of(
			new Field("deceasedName", "Họ, chữ đệm, tên người đã mất", "TEXT", false, List.of("deceasedName")),
			new Field("deceasedBirthDate", "Ngày sinh người đã mất", "DATE", false, List.of("deceasedBirthDate")),
			new Field("deceasedSex", "Giới tính người đã mất", "SEX", false, List.of("deceasedSex")),
			new Field("deceasedEthnicity", "Dân tộc người đã mất", "TEXT", false, List.of("deceasedEthnicity")),
			new Field("deceasedNationality", "Quốc tịch người đã mất", "TEXT", false, List.of("deceasedNationality")),
			new Field("deceasedIdNumber", "Số định danh cá nhân người đã mất", "TEXT", false, List.of("deceasedIdNumber", "deceasedCccd")),
			new Field("deceasedResidence", "Nơi cư trú cuối cùng", "TEXT", false, List.of("deceasedResidence")),
			new Field("deathDate", "Ngày mất", "DATE", false, List.of("deathDate")),
			new Field("deathPlace", "Nơi mất", "TEXT", false, List.of("deathPlace")),
			new Field("deathCause", "Nguyên nhân mất", "TEXT", false, List.of("deathCause")),
			new Field("deathNotice", "Giấy báo tử hoặc giấy tờ thay thế (số, ngày, nơi cấp)", "TEXT", false, List.of("deathNotice")));

	private ResultFields() {
	}

	public static List<Field> of(String template) {
		return switch (template) {
			case "birth-extract" -> BIRTH;
			case "marriage-certificate" -> MARRIAGE;
			case "death-extract" -> DEATH;
			default -> List.of();
		};
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
			if (value.isBlank() && (field.key().equals("motherResidence") || field.key().equals("fatherResidence"))) {
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
