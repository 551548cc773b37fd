package vn.xaso.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The whole current unit tree in memory (34 provinces, 3,321 communes: a few hundred kilobytes), for
 * work that would otherwise ask for units one by one: rankings, roll-ups per province.
 *
 * @param provinces the provinces in code order
 * @param units every unit by code
 * @param communes each province's commune codes in code order
 */
public record UnitTree(List<Unit> provinces, Map<String, Unit> units, Map<String, Set<String>> communes) {

	public UnitTree {
		provinces = List.copyOf(provinces);
		units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
		var copy = new LinkedHashMap<String, Set<String>>();
		communes.forEach((province, codes) -> copy.put(province, Collections.unmodifiableSet(new LinkedHashSet<>(codes))));
		communes = Collections.unmodifiableMap(copy);
	}

	/** Builds the tree from units in code order. */
	public static UnitTree of(List<Unit> all) {
		var provinces = all.stream().filter(u -> Unit.PROVINCE.equals(u.level())).toList();
		var units = new LinkedHashMap<String, Unit>();
		var communes = new LinkedHashMap<String, Set<String>>();
		provinces.forEach(p -> communes.put(p.code(), new LinkedHashSet<>()));
		for (var unit : all) {
			units.put(unit.code(), unit);
			if (Unit.COMMUNE.equals(unit.level())) {
				communes.computeIfAbsent(unit.provinceCode(), k -> new LinkedHashSet<>()).add(unit.code());
			}
		}
		return new UnitTree(provinces, units, communes);
	}

	public Optional<Unit> find(String code) {
		return Optional.ofNullable(units.get(code));
	}

	/** The communes of a province in code order; empty for an unknown code. */
	public Set<String> communesOf(String provinceCode) {
		return communes.getOrDefault(provinceCode, Set.of());
	}

	/** The province of a commune; null when the code is not a commune. */
	public @Nullable String provinceOf(String communeCode) {
		var unit = units.get(communeCode);
		return unit != null && Unit.COMMUNE.equals(unit.level()) ? unit.provinceCode() : null;
	}

	public boolean isEmpty() {
		return units.isEmpty();
	}
}
