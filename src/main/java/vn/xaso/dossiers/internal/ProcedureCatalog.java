package vn.xaso.dossiers.internal;

import java.util.Optional;

/** Port to the procedure catalogue. */
public interface ProcedureCatalog {

	Optional<ProcedureInfo> current(String unitCode, String code);

	Optional<ProcedureInfo> version(long versionId);
}
