package vn.xaso.units;

import java.util.List;

/**
 * The villages of a commune. Reads are public; writes run in the caller's tenancy scope and are
 * refused with {@link NotYourUnitException} when the scope does not include the commune — checked
 * here and, independently, by PostgreSQL row-level security.
 */
public interface Villages {

	/** All villages of the commune, active and inactive, in Vietnamese alphabetical order. */
	List<Village> list(String communeCode);

	/**
	 * @param name 1–100 characters after trimming and NFC; a leading type word ("Thôn …") is dropped
	 * @throws UnitValidationException bad name or type, unknown commune, or the name already exists in
	 *         the commune (ignoring case and diacritics)
	 * @throws NotYourUnitException the caller's scope does not include the commune
	 */
	Village create(String communeCode, String name, String type);

	/** @throws UnitValidationException as for {@link #create}, or unknown id */
	Village rename(long id, String name, String type);

	/** Marks the village inactive; it stays for history. */
	void deactivate(long id);
}
