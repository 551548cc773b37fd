package vn.xaso.setup.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Unit;
import vn.xaso.units.UnitValidationException;
import vn.xaso.units.Village;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * Setup step 1: the commune, a confirmed choice among the search results, and its villages typed or pasted from a
 * list. A commune invited by its province has its commune fixed by the invitation and is asked its villages only.
 */
@Service
public class SetupCommuneStep {

	private final SetupWizard wizard;
	private final SetupStore store;
	private final Units units;
	private final Villages villages;

	SetupCommuneStep(SetupWizard wizard, SetupStore store, Units units, Villages villages) {
		this.wizard = wizard;
		this.store = store;
		this.units = units;
		this.villages = villages;
	}

	public List<Unit> searchCommunes(@Nullable String q) {
		var query = q == null ? "" : q.strip();
		if (query.length() < 2 || query.length() > 100) {
			throw SetupException.of("q", "setup.error.searchShort");
		}
		return units.searchCommunes(query, 20);
	}

	public String provinceName(Unit commune) {
		return units.find(commune.provinceCode()).map(Unit::name).orElse("");
	}

	public void chooseCommune(String token, String unitCode, String villagesText) {
		chooseCommune(token, unitCode, villagesText, null, new byte[0]);
	}

	/**
	 * The commune and its villages: those typed or pasted (one a line) and those of the commune's own list file
	 * ({@code .xlsx}, {@code .csv} or {@code .txt}, one a row, when a file is given), each created once.
	 */
	public void chooseCommune(String token, String unitCode, String villagesText, @Nullable String filename, byte[] listFile) {
		var fromFile = VillagesFile.read(filename, listFile);
		if (!fromFile.isEmpty()) {
			villagesText = (villagesText == null || villagesText.isBlank() ? "" : villagesText.strip() + "\n") + String.join("\n", fromFile);
		}
		var state = wizard.state(token);
		state.requireOpen(SetupState.COMMUNE);
		if (unitCode == null || !unitCode.matches("[0-9]{5}") || !units.isCommune(unitCode)) {
			throw SetupException.of("unit", "setup.error.chooseCommune");
		}
		state.requireCommuneChangeable(unitCode);
		var names = villageLines(villagesText);
		var existing = new HashSet<String>();
		villages.list(unitCode).forEach(v -> existing.add(OfficialsFile.fold(v.name())));
		for (var line : names) {
			var type = OfficialsFile.fold(line).startsWith("to dan pho") ? Village.STREET_GROUP : Village.HAMLET;
			try {
				var folded = OfficialsFile.fold(line).replaceFirst("^(thon|to dan pho)\\s+", "");
				if (!existing.contains(folded)) {
					Tenancy.runAs(UnitScope.of(unitCode), () -> villages.create(unitCode, line, type));
					existing.add(folded);
				}
			}
			catch (UnitValidationException e) {
				throw SetupException.of("villages", SetupException.text("setup.error.village", line, SetupException.quote(e)));
			}
		}
		store.commune(state.id(), unitCode, String.join("\n", names), state.stepAfter(SetupState.COMMUNE));
	}

	static List<String> villageLines(@Nullable String text) {
		var names = new LinkedHashSet<String>();
		if (text != null) {
			for (var part : text.split("[\\n;]")) {
				var name = part.strip().replaceAll("\\s+", " ");
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
		}
		if (names.size() > 300) {
			throw SetupException.of("villages", "setup.error.tooManyVillages", "300");
		}
		return new ArrayList<>(names);
	}
}
