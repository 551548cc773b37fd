package vn.xaso.party.web;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyMembership;
import vn.xaso.party.internal.OrganisingParty;
import vn.xaso.party.internal.ReadingParty;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.platform.web.Viewer;

/**
 * The workspace links of the party module. A party member: "Sổ tay đảng viên" with their unread study materials, to
 * their cell's home — on an official's workspace, or on a citizen member's home page (being a member is not a role,
 * so this is no card every official or citizen sees). The commune's
 * administrator, only while the commune has no party committee member yet: the one set-up step.
 */
@Component
class PartyTodo implements TodoSource {

	private final PartyMembership membership;
	private final ReadingParty reading;
	private final OrganisingParty organising;

	PartyTodo(PartyMembership membership, ReadingParty reading, OrganisingParty organising) {
		this.membership = membership;
		this.reading = reading;
		this.organising = organising;
	}

	@Override
	public List<Todo> todos(Viewer viewer) {
		if (viewer instanceof CitizenPrincipal c) {
			var caller = PartyCaller.citizen(c.id());
			return membership.of(caller).isPresent() ? List.of(Todo.of(60, "/citizen/dang", "party.todo", reading.home(caller).unread()))
					: List.of();
		}
		if (!(viewer instanceof OfficialPrincipal o) || o.unitCode().isBlank()) {
			return List.of();
		}
		var caller = PartyCaller.official(o.unitCode(), o.username());
		if (membership.of(caller).isPresent()) {
			return List.of(Todo.of(60, "/party", "party.todo", reading.home(caller).unread()));
		}
		return organising.awaitingSetUp(o) ? List.of(Todo.of(61, "/party/setup", "party.todo.setUp", 1)) : List.of();
	}
}
