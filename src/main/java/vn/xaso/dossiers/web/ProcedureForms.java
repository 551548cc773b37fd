package vn.xaso.dossiers.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the dossier pages need from the procedure catalogue: a procedure's name and fee text for the start
 * page, the procedures a commune offers for the counter's list, and its e-form as fields ready to render.
 */
@Component
class ProcedureForms {

	Optional<ProcedureView> procedure(String unitCode, String procedureCode) {
		return Optional.empty();
	}

	List<ProcedureView> procedures(String unitCode) {
		return List.of();
	}

	/** The e-form's fields with the given values and errors (errors keyed by the HTML name). */
	List<EFormField> fields(String unitCode, String procedureCode, Map<String, String> values, Map<String, String> errors) {
		return List.of();
	}

	/** The names of the e-form's fields, to place the service's errors. */
	Set<String> names(String unitCode, String procedureCode) {
		return Set.of();
	}

	/** Checks the e-form values with the catalogue's validation; errors keyed by field name. */
	Map<String, String> validate(String unitCode, String procedureCode, Map<String, String> values) {
		return Map.of();
	}
}
