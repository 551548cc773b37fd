package vn.xaso.dossiers.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.catalog.FieldType;
import vn.xaso.catalog.FormDefinition;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.Procedures;
import vn.xaso.catalog.RequiredPaper;

/**
 * What the dossier pages need from the procedure catalogue: a procedure's name, fee text and papers for the
 * start page, the procedures a commune offers for the counter's list, and its e-form as fields ready to render
 * (HTML names carry the {@code ef_} prefix). A dossier already submitted keeps the form version it was filled
 * in with ({@link #forVersion}).
 */
@Component
class ProcedureForms {

	private final Procedures procedures;

	ProcedureForms(Procedures procedures) {
		this.procedures = procedures;
	}

	Optional<ProcedureView> procedure(String unitCode, String procedureCode) {
		if (procedureCode.isBlank() || procedureCode.length() > 40 || unitCode.length() > 20) {
			return Optional.empty();
		}
		return procedures.current(unitCode.isBlank() ? null : unitCode, procedureCode).map(p -> view(p, unitCode));
	}

	List<ProcedureView> procedures(String unitCode) {
		return procedures.search(unitCode, null, null, 0, 100).items().stream().map(p -> view(p, unitCode)).toList();
	}

	/** The e-form's fields with the given values (by field name) and errors (by HTML name). */
	List<EFormField> fields(String unitCode, String procedureCode, Map<String, String> values, Map<String, String> errors) {
		return procedures.current(unitCode, procedureCode).map(p -> fields(p.form(), values, errors)).orElse(List.of());
	}

	/** The fields of the form version a dossier was filled in with. */
	List<EFormField> forVersion(long procedureVersionId, Map<String, String> values, Map<String, String> errors) {
		return procedures.version(procedureVersionId).map(p -> fields(p.form(), values, errors)).orElse(List.of());
	}

	/** A dossier's filled-in form and papers in people's words, from the catalogue version it was filled in with. */
	Evidence evidence(long procedureVersionId, Map<String, String> values, List<vn.xaso.dossiers.DossierFile> files) {
		return Evidence.of(procedures.version(procedureVersionId).orElse(null), values, files);
	}

	/** The label of each field of a dossier's form version, for showing the filled-in form read-only. */
	Map<String, String> labels(long procedureVersionId) {
		var labels = new java.util.LinkedHashMap<String, String>();
		procedures.version(procedureVersionId).ifPresent(p -> p.form().fields().forEach(f -> labels.put(f.name(), f.label())));
		return labels;
	}

	static List<EFormField> fields(FormDefinition form, Map<String, String> values, Map<String, String> errors) {
		return form.fields().stream().map(f -> {
			var html = WebInput.EFORM_PREFIX + f.name();
			var value = values.getOrDefault(f.name(), "");
			if (f.type() == FieldType.DATE) {
				var date = FormDefinition.parseDate(value);
				value = date == null ? value : date.toString(); // type=date wants yyyy-MM-dd
			}
			return new EFormField(html, f.label(), f.type().name(), f.required(), f.help(), f.maxLength(), f.options(), value,
					errors.get(html));
		}).toList();
	}

	/** The names of the e-form's fields, to place the service's errors. */
	Set<String> names(String unitCode, String procedureCode) {
		var names = new LinkedHashSet<String>();
		procedures.current(unitCode, procedureCode).ifPresent(p -> p.form().fields().forEach(f -> names.add(f.name())));
		return names;
	}

	/**
	 * A paper's name as the dossier pages show it: "(nếu có)" when optional; the e-form's own paper without the
	 * catalogue's "(điền trực tuyến theo mẫu dưới đây)", which the pages say in their own words where it fits.
	 */
	static String label(RequiredPaper r) {
		var name = r.filledByForm() ? BY_FORM_NOTE.matcher(r.name()).replaceAll("").strip() : r.name();
		return (name.isEmpty() ? r.name() : name) + (r.required() ? "" : WebText.t("dossiers.web.paper.optional"));
	}

	private static final java.util.regex.Pattern BY_FORM_NOTE = java.util.regex.Pattern
		.compile("\\s*(\\(\\s*" + java.util.regex.Pattern.quote(WebText.t(java.util.Locale.ROOT, "dossiers.text.byForm")) + "[^)]*\\)|[—–-]\\s*"
				+ java.util.regex.Pattern.quote(WebText.t(java.util.Locale.ROOT, "dossiers.text.byForm")) + ".*$)");

	private static ProcedureView view(Procedure p, String unitCode) {
		@Nullable String fee = p.fees().describe(WebText.locale());
		var papers = p.papers().stream().map(r -> new ProcedureView.Paper(r.code(), label(r), r.required(), r.filledByForm())).toList();
		return new ProcedureView(p.code(), p.name(), unitCode, fee, papers, p.onlineMode().online());
	}
}
