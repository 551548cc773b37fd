package vn.xaso.dossiers.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** The commune a dossier belongs to, as its papers name it, and its officials. */
@Component
class Commune {

	private final Units units;
	private final Accounts accounts;

	Commune(Units units, Accounts accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	boolean exists(String unitCode) {
		return units.isCommune(unitCode);
	}

	/** The issuer printed on slips and results: the commune and its province. */
	Pdfs.Issuer issuer(@Nullable String unitCode) {
		var unit = unitCode == null ? Optional.<Unit>empty() : units.find(unitCode);
		var name = unit.map(Unit::name).orElse(Texts.vi("dossiers.text.commune"));
		var province = unit.flatMap(u -> u.parentCode() == null ? Optional.empty() : units.find(u.parentCode())).map(Unit::name).orElse("");
		return new Pdfs.Issuer(name, province, unit.map(Unit::shortName).orElse(name));
	}

	/** The name of the commune's (first) active leader, for the apology slip. */
	String leaderName(String unitCode) {
		return accounts.list(unitCode, null, 0, 200).items().stream().filter(o -> o.active() && o.roles().contains(Role.LEADER))
			.map(Accounts.OfficialView::fullName).findFirst().orElse("");
	}

	/** The full name of an active specialist of the commune; refuses anyone else. */
	String specialist(String unitCode, String username) {
		if (username.isEmpty()) {
			throw Texts.refused("assignee", "dossiers.error.assigneeMissing");
		}
		var page = accounts.list(unitCode, username, 0, 50);
		return page.items().stream().filter(o -> o.username().equals(username) && o.active() && o.roles().contains(Role.SPECIALIST))
			.map(Accounts.OfficialView::fullName).findFirst()
			.orElseThrow(() -> Texts.refused("assignee", "dossiers.error.assigneeNotSpecialist"));
	}
}
