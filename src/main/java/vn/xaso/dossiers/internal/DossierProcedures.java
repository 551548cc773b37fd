package vn.xaso.dossiers.internal;

import org.springframework.stereotype.Component;

import vn.xaso.units.Units;

/** The procedure a dossier is for: the current version a new dossier takes, or the version frozen on it. */
@Component
class DossierProcedures {

	private final ProcedureCatalog catalog;
	private final Workflows workflows;
	private final Units units;

	DossierProcedures(ProcedureCatalog catalog, Workflows workflows, Units units) {
		this.catalog = catalog;
		this.workflows = workflows;
		this.units = units;
	}

	/** The current version of a commune's procedure, with a workflow; refuses an unknown commune or procedure. */
	ProcedureInfo current(String unitCode, String code) {
		if (unitCode == null || !unitCode.matches("[0-9]{5}") || !units.isCommune(unitCode)) {
			throw Texts.refused("unitCode", "dossiers.error.commune");
		}
		if (code == null || code.isBlank() || code.length() > 30) {
			throw Texts.refused("procedureCode", "dossiers.error.procedure");
		}
		var p = catalog.current(unitCode, code.strip())
			.orElseThrow(() -> Texts.refused("procedureCode", "dossiers.error.procedureUnknown", code.strip()));
		if (!workflows.exists(p.workflow())) {
			throw Texts.refused("procedureCode", "dossiers.error.procedureWorkflow", p.workflow());
		}
		return p;
	}

	/** The current version, or empty when the commune no longer offers the procedure. */
	java.util.Optional<ProcedureInfo> stillOffered(String unitCode, String code) {
		return catalog.current(unitCode, code);
	}

	ProcedureInfo of(DossierTable.Row row) {
		return catalog.version(row.procedureVersionId()).or(() -> catalog.current(row.unitCode(), row.procedureCode()))
			.orElseThrow(() -> new IllegalStateException("Procedure version " + row.procedureVersionId() + " is gone"));
	}
}
