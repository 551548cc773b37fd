package vn.xaso.meetings.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;

/** The active officials of a unit (through identity's API), who may be invited, chair, record or be given a task. */
@Component
public class Officials {

	/** An official one can choose. */
	public record Choice(String username, String fullName, String title) {
	}

	private final Accounts accounts;

	Officials(Accounts accounts) {
		this.accounts = accounts;
	}

	/** Active staff accounts of the unit (producers are not officials), by name. */
	public List<Choice> of(String unitCode) {
		return accounts.list(unitCode, null, 0, 500).items().stream()
			.filter(o -> o.active() && o.roles().stream().anyMatch(Role::staff))
			.map(o -> new Choice(o.username(), o.fullName(), o.title() == null ? "" : o.title()))
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
