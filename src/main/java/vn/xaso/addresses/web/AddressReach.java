package vn.xaso.addresses.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.addresses.AddressRecord;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.units.Units;

/**
 * Which addresses an official reaches: the commune's, or — for a village head who holds no other staff role — only
 * those of the village their account is bound to (identity's village of the account, read at each request so a change
 * applies at once); a village head without a village reaches none. The same narrowing as community's household pages.
 */
@Component
class AddressReach {

	/** Roles that see the whole commune's address book; a village head with one of them is not narrowed. */
	static final List<Role> COMMUNE_WIDE = List.of(Role.ADMIN, Role.LEADER, Role.ONE_STOP, Role.SPECIALIST, Role.COMMUNITY_TEAM);

	/**
	 * @param village the village code a narrowed official is bound to (null: none, or not narrowed)
	 * @param narrowed whether only {@code village}'s addresses are reached
	 */
	record Reach(String commune, @Nullable String village, boolean narrowed) {

		boolean allows(AddressRecord record) {
			return !narrowed || (village != null && village.equals(record.villageCode()));
		}

		boolean allowsVillage(@Nullable String villageCode) {
			return !narrowed || (village != null && village.equals(villageCode == null ? null : villageCode.strip()));
		}
	}

	private final Units units;
	private final Accounts accounts;

	AddressReach(Units units, Accounts accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	/** The official's reach; 404 for an account that is not a commune's. */
	Reach of(OfficialPrincipal me) {
		if (!units.isCommune(me.unitCode())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		boolean narrowed = me.has(Role.VILLAGE_HEAD) && COMMUNE_WIDE.stream().noneMatch(me::has);
		if (!narrowed) {
			return new Reach(me.unitCode(), null, false);
		}
		var village = accounts.find(me.unitCode(), me.id()).map(Accounts.OfficialView::villageCode).orElse(null);
		return new Reach(me.unitCode(), village, true);
	}
}
