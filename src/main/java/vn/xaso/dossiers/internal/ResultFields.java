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

	/** A field whose label is the bundle's {@code dossiers.result.field.<key>} (Vietnamese; pages show it in the reader's language). */
	private static Field field(String key, String kind, boolean fatherOnly, List<String> sources) {
		return new Field(key, Texts.vi("dossiers.result.field." + key), kind, fatherOnly, sources);
	}

	private static final List<Field> BIRTH = List.of(
			field("childName", "TEXT", false, List.of("childName", "child_name")),
			field("childBirthDate", "DATE", false, List.of("childBirthDate", "child_birth_date")),
			field("childSex", "SEX", false, List.of("childSex", "child_sex")),
			field("childEthnicity", "TEXT", false, List.of("childEthnicity", "child_ethnicity")),
			field("childNationality", "TEXT", false, List.of("childNationality", "child_nationality")),
			field("childBirthPlace", "TEXT", false, List.of("childBirthPlace", "birth_place")),
			field("childHometown", "TEXT", false, List.of("childHometown", "home_town")),
			field("childIdNumber", "TEXT", false, List.of("childIdNumber", "child_id_number")),
			field("motherName", "TEXT", false, List.of("motherName", "mother_name")),
			field("motherBirthDate", "TEXT", false, List.of("motherBirthDate", "mother_birth_year")),
			field("motherEthnicity", "TEXT", false, List.of("motherEthnicity", "mother_ethnicity")),
			field("motherNationality", "TEXT", false, List.of("motherNationality", "mother_nationality")),
			field("motherResidence", "TEXT", false, List.of("motherResidence")),
			field("fatherName", "TEXT", false,
					List.of("fatherName", "father_name")),
			field("fatherBirthDate", "TEXT", true, List.of("fatherBirthDate", "father_birth_year")),
			field("fatherEthnicity", "TEXT", true, List.of("fatherEthnicity", "father_ethnicity")),
			field("fatherNationality", "TEXT", true, List.of("fatherNationality", "father_nationality")),
			field("fatherResidence", "TEXT", true, List.of("fatherResidence")));

	private static final List<Field> MARRIAGE = List.of(
			field("groomName", "TEXT", false, List.of("groomName")),
			field("groomBirthDate", "DATE", false, List.of("groomBirthDate")),
			field("groomEthnicity", "TEXT", false, List.of("groomEthnicity")),
			field("groomNationality", "TEXT", false, List.of("groomNationality")),
			field("groomResidence", "TEXT", false, List.of("groomResidence")),
			field("groomIdNumber", "TEXT", false, List.of("groomIdNumber", "groomCccd")),
			field("brideName", "TEXT", false, List.of("brideName")),
			field("brideBirthDate", "DATE", false, List.of("brideBirthDate")),
			field("brideEthnicity", "TEXT", false, List.of("brideEthnicity")),
			field("brideNationality", "TEXT", false, List.of("brideNationality")),
			field("brideResidence", "TEXT", false, List.of("brideResidence")),
			field("brideIdNumber", "TEXT", false, List.of("brideIdNumber", "brideCccd")));

	private static final List<Field> DEATH = List.of(
			field("deceasedName", "TEXT", false, List.of("deceasedName")),
			field("deceasedBirthDate", "DATE", false, List.of("deceasedBirthDate")),
			field("deceasedSex", "SEX", false, List.of("deceasedSex")),
			field("deceasedEthnicity", "TEXT", false, List.of("deceasedEthnicity")),
			field("deceasedNationality", "TEXT", false, List.of("deceasedNationality")),
			field("deceasedIdNumber", "TEXT", false, List.of("deceasedIdNumber", "deceasedCccd")),
			field("deceasedResidence", "TEXT", false, List.of("deceasedResidence")),
			field("deathDate", "DATE", false, List.of("deathDate")),
			field("deathPlace", "TEXT", false, List.of("deathPlace")),
			field("deathCause", "TEXT", false, List.of("deathCause")),
			field("deathNotice", "TEXT", false, List.of("deathNotice")));

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
		return Texts.vi("dossiers.result.book." + switch (book) {
			case "KS", "KH", "KT" -> book;
			default -> "other";
		});
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
				var relation = Texts.vi(field.key().startsWith("mother") ? "dossiers.text.relation.mother" : "dossiers.text.relation.father");
				value = relation.equals(form.get("requesterRelation")) ? form.getOrDefault("requesterAddress", "") : "";
			}
			if (value.isBlank() && field.key().endsWith("Ethnicity")) {
				value = Texts.vi("dossiers.text.defaultEthnicity");
			}
			if (value.isBlank() && field.key().endsWith("Nationality")) {
				value = Texts.vi("dossiers.text.defaultNationality");
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
