package vn.xaso.meetings.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.units.Villages;

/** The active officials of a unit (through identity's API), who may be invited, chair, record or be given a task. */
@Component
public class Officials {

	/** An official one can choose; {@code villageCode}: the village they serve (a village head's), if any. */
	public record Choice(String username, String fullName, String title, @Nullable String villageCode) {
	}

	private final Accounts accounts;
	private final Villages villages;

	Officials(Accounts accounts, Villages villages) {
		this.accounts = accounts;
		this.villages = villages;
	}

	/** The unit's villages by code, with their full names ("Thôn Yên Hòa"). */
	Map<String, String> villageNames(String unitCode) {
		var names = new HashMap<String, String>();
		villages.list(unitCode).forEach(v -> names.put(v.code(), v.fullName()));
		return names;
	}

	/** Active staff accounts of the unit (producers are not officials), by name. */
	public List<Choice> of(String unitCode) {
		return accounts.list(unitCode, null, 0, 500).items().stream()
			.filter(o -> o.active() && o.roles().stream().anyMatch(Role::staff))
			.map(o -> new Choice(o.username(), o.fullName(), o.title() == null ? "" : o.title(), o.villageCode()))
			.sorted(java.util.Comparator.comparing(Choice::fullName))
			.toList();
	}

	Optional<Choice> find(String unitCode, String username) {
		return of(unitCode).stream().filter(c -> c.username().equals(username)).findFirst();
	}

	Optional<String> phone(String unitCode, String username) {
		return accounts.activePhoneOf(unitCode, username);
	}

	Optional<String> email(String unitCode, String username) {
		return accounts.list(unitCode, username, 0, 5).items().stream().filter(o -> o.username().equals(username))
			.map(Accounts.OfficialView::email).filter(e -> e != null && !e.isBlank()).findFirst();
	}
}
