package vn.xaso.community.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.platform.web.Viewer;

/** The member's follow-up visits due within three days, on the workspace to-do list (late ones first). */
@Component
class CommunityTodos implements TodoSource {

	private final TeamTable teams;
	private final VisitTable visits;

	CommunityTodos(TeamTable teams, VisitTable visits) {
		this.teams = teams;
		this.visits = visits;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Todo> todos(Viewer viewer) {
		if (!(viewer instanceof OfficialPrincipal me) || !viewer.hasRole("COMMUNITY_TEAM")) {
			return List.of();
		}
		var member = teams.memberIdOf(me.unitCode(), me.username());
		if (member.isEmpty()) {
			return List.of();
		}
		var today = LocalDate.now(HouseholdEntry.VIETNAM);
		long late = visits.dueFollowUps(me.unitCode(), member.get(), today.minusDays(1));
		long soon = visits.dueFollowUps(me.unitCode(), member.get(), today.plusDays(3)) - late;
		var list = new java.util.ArrayList<Todo>();
		if (late > 0) {
			list.add(new Todo(40, "/community#follow-ups", "community.todo.late", late, Urgency.LATE));
		}
		if (soon > 0) {
			list.add(new Todo(41, "/community#follow-ups", "community.todo.soon", soon, Urgency.DUE_SOON));
		}
		return list;
	}
}
