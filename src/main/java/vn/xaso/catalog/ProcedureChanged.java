package vn.xaso.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A commune's catalogue changed: a procedure version was published, or the commune stopped or started offering a
 * national procedure again. Published in the transaction of the change, so that modules keeping procedures in
 * memory (the dossiers module) forget them.
 *
 * @param unitCode the commune, or {@code null} for the national catalogue
 * @param code the procedure's code, or {@code null} when several changed at once
 */
public record ProcedureChanged(@Nullable String unitCode, @Nullable String code) {
}
