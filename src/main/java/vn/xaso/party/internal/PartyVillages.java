package vn.xaso.party.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.party.PartyException;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/** The commune's villages, through the units module's API (a cell of a village: chi bộ thôn); no units table is read. */
@Component
class PartyVillages {

	private final Villages villages;

	PartyVillages(Villages villages) {
		this.villages = villages;
	}

	/** The active villages, to pick from. */
	List<Village> active(String unitCode) {
		return villages.list(unitCode).stream().filter(Village::active).toList();
	}

	/** Every village's full name by code (inactive ones too: a cell keeps its village's name). */
	Map<String, String> names(String unitCode) {
		return villages.list(unitCode).stream().collect(Collectors.toMap(Village::code, Village::fullName, (a, b) -> a));
	}

	/** The picked village's code: blank → none; an unknown or inactive code is refused. */
	@Nullable String checked(String unitCode, @Nullable String typed) {
		var code = typed == null ? "" : typed.strip();
		if (code.isEmpty()) {
			return null;
		}
		Optional<Village> found = active(unitCode).stream().filter(v -> v.code().equals(code)).findFirst();
		return found.map(Village::code).orElseThrow(() -> PartyException.of("villageCode", "party.error.village"));
	}
}
