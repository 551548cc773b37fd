package vn.xaso.dossiers.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Queue;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.platform.web.Viewer;

/** The dossiers at this official's step, for the workspace to-do list: by role, then late and due soon. */
@Component
class DossiersTodo implements TodoSource {

	private final Dossiers dossiers;
	private final vn.xaso.dossiers.Results results;

	DossiersTodo(Dossiers dossiers, vn.xaso.dossiers.Results results) {
		this.dossiers = dossiers;
		this.results = results;
	}

	@Override
	public List<Todo> todos(Viewer viewer) {
		if (!(viewer instanceof OfficialPrincipal me)) {
			return List.of();
		}
		var caller = Caller.of(me);
		var items = new ArrayList<Todo>();
		if (me.has(Role.ONE_STOP)) {
			items.add(Todo.of(10, "/dossiers?tab=new", "dossiers.web.todo.new", count(caller, Queue.NEW)));
			items.add(Todo.of(13, "/dossiers?tab=ready", "dossiers.web.todo.ready", count(caller, Queue.RESULT_READY)));
		}
		if (me.has(Role.CLERK) || me.has(Role.ONE_STOP)) {
			items.add(Todo.of(12, "/dossiers/seal", "dossiers.web.todo.seal", results.awaitingSeal(caller).size()));
		}
		if (me.has(Role.SPECIALIST)) {
			items.add(Todo.of(11, "/dossiers?tab=mine", "dossiers.web.todo.mine", count(caller, Queue.MINE)));
		}
		if (me.has(Role.LEADER)) {
			items.add(Todo.of(12, "/dossiers?tab=approval", "dossiers.web.todo.approval", count(caller, Queue.AWAITING_APPROVAL)));
		}
		if (me.has(Role.ONE_STOP) || me.has(Role.SPECIALIST) || me.has(Role.LEADER)) {
			long late = count(caller, Queue.LATE);
			if (late > 0) {
				items.add(new Todo(14, "/dossiers?tab=late", "dossiers.web.todo.late", late, Urgency.LATE));
			}
			long soon = count(caller, Queue.DUE_SOON);
			if (soon > 0) {
				items.add(new Todo(15, "/dossiers?tab=due", "dossiers.web.todo.due", soon, Urgency.DUE_SOON));
			}
		}
		return items;
	}

	private long count(Caller caller, Queue queue) {
		return dossiers.search(caller, new DossierSearch(null, null, null, queue, null, null, 1, 1)).total();
	}
}
