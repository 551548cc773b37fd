package vn.xaso.dossiers.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.catalog.FeeInput;
import vn.xaso.catalog.FormField;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.Procedures;

/** The catalogue module's procedures as the dossier core sees them. */
@Component
class CatalogProcedures implements ProcedureCatalog {

	private final Procedures procedures;

	CatalogProcedures(Procedures procedures) {
		this.procedures = procedures;
	}

	@Override
	public Optional<ProcedureInfo> current(String unitCode, String code) {
		return procedures.current(unitCode, code).map(CatalogProcedures::info);
	}

	@Override
	public Optional<ProcedureInfo> version(long versionId) {
		return procedures.version(versionId).map(CatalogProcedures::info);
	}

	static ProcedureInfo info(Procedure p) {
		var labels = new LinkedHashMap<String, String>();
		for (FormField f : p.form().fields()) {
			labels.put(f.name(), f.label());
		}
		return new ProcedureInfo(p.versionId(), p.code(), p.name(), p.field(), p.processingTime().amount(),
				p.processingTime().kind().name(), p.processingTime().cutoff(), form -> p.fees().amountVnd(feeInput(form)),
				p.papers().stream().map(r -> new ProcedureInfo.Paper(r.code(), r.name(), r.required(), r.filledByForm())).toList(),
				form -> p.form().validate(form), p.onlineMode().name(), p.resultTemplate(), p.workflow(), p.ownerUnit(),
				Map.copyOf(labels));
	}

	/**
	 * Pages of one copy and number of copies, read from the e-form when it asks for them (else 1 and 1).
	 * The form is validated first (the fields' min/max); a value that is not a whole number in range is
	 * refused here too rather than silently billed as 1: the fee is always for the quantity shown.
	 */
	static FeeInput feeInput(Map<String, String> form) {
		return new FeeInput(number("pages", form.get("pages")), number("copies", form.get("copies")));
	}

	private static int number(String name, String value) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		if (!value.strip().matches("[0-9]{1,9}")) {
			throw new IllegalArgumentException("\"" + name + "\" phải là số nguyên từ 0 đến 999.999.999 (bạn đã nhập " + value.strip() + ").");
		}
		return Integer.parseInt(value.strip());
	}
}
