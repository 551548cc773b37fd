package vn.xaso.documents.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.Documents;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.platform.web.Viewer;

/**
 * The documents waiting for this official, for the workspace to-do list: to approve and to assign (leader), to release
 * (clerk), to handle (whoever was assigned), and of those the late and due-soon ones.
 */
@Component
class DocumentsTodo implements TodoSource {

	private final Documents documents;

	DocumentsTodo(Documents documents) {
		this.documents = documents;
	}

	@Override
	public List<Todo> todos(Viewer viewer) {
		if (!(viewer instanceof OfficialPrincipal me) || !Actor.of(me).drafter()) {
			return List.of();
		}
		var actor = Actor.of(me);
		var items = new ArrayList<Todo>();
		if (me.has(Role.LEADER)) {
			items.add(Todo.of(1, "/documents?dir=out&status=submitted", "documents.todo.approve",
					count(actor, true, Document.SUBMITTED, null, null)));
			items.add(Todo.of(2, "/documents?dir=in&status=registered", "documents.todo.assign",
					count(actor, false, Document.REGISTERED, null, null)));
		}
		if (me.has(Role.CLERK)) {
			items.add(Todo.of(3, "/documents?dir=out&status=approved", "documents.todo.release",
					count(actor, true, Document.APPROVED, null, null)));
		}
		items.add(Todo.of(4, "/documents?view=mine", "documents.todo.mine", count(actor, null, null, null, "mine")));
		var handler = UriUtils.encodeQueryParam(me.username(), java.nio.charset.StandardCharsets.UTF_8);
		long late = count(actor, null, null, me.username(), "overdue");
		if (late > 0) {
			items.add(new Todo(5, "/documents?view=overdue&handler=" + handler, "documents.todo.late", late, Urgency.LATE));
		}
		long soon = count(actor, null, null, me.username(), "dueSoon");
		if (soon > 0) {
			items.add(new Todo(6, "/documents?view=dueSoon&handler=" + handler, "documents.todo.dueSoon", soon, Urgency.DUE_SOON));
		}
		return items;
	}

	private long count(Actor actor, @Nullable Boolean outgoing, @Nullable String status, @Nullable String handler, @Nullable String view) {
		return documents.search(actor, new Documents.Search(null, outgoing, null, status, null, null, handler, view, 0, 1)).total();
	}
}
