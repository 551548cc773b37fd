package vn.xaso.units;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read access to the current administrative-unit tree. Works in any tenancy scope. */
public interface Units {

	Optional<Unit> find(String code);

	/** The units above the given one, from the top: a commune's province; empty for a province or an unknown code. */
	List<Unit> ancestors(String code);

	/** Codes of all communes of a province (to build a province official's scope); empty if unknown. */
	Set<String> communesOf(String provinceCode);

	boolean isCommune(String code);

	/**
	 * The whole tree in memory: read once, read again after an import of the units and at the latest
	 * a few minutes after it was read (an import by another process). Works in any scope.
	 */
	UnitTree tree();

	/** Communes whose name matches {@code q} ignoring case and diacritics, in Vietnamese order. */
	List<Unit> searchCommunes(String q, int limit);
}
