package vn.xaso.units;

import java.nio.file.Path;

/**
 * Loads the administrative-unit CSVs into the reference tables in one transaction, idempotently.
 * A malformed file fails with {@link UnitImportException} naming the file and line; nothing changes.
 */
public interface UnitImporter {

	/** Imports the files shipped in the application ({@code classpath:units/}). */
	UnitImportReport importShipped();

	/** Imports the four files (same names as shipped) from a directory. */
	UnitImportReport importFrom(Path directory);
}
