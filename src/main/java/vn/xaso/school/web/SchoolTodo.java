package vn.xaso.school.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.platform.web.Viewer;
import vn.xaso.school.internal.ReadingContactBook;

/**
 * A parent's school news on their home: tuition not paid yet and the teacher's notes of the last week, each one tap
 * from the child's contact book (the book itself when there is one child). Nothing for officials or non-parents.
 */
@Component
class SchoolTodo implements TodoSource {

	static final int RECENT_DAYS = 7;

	private final ReadingContactBook books;

	SchoolTodo(ReadingContactBook books) {
		this.books = books;
	}

	@Override
	public List<Todo> todos(Viewer viewer) {
		if (!(viewer instanceof CitizenPrincipal me)) {
			return List.of();
		}
		var waiting = books.waiting(me, RECENT_DAYS);
		if (waiting.children().isEmpty()) {
			return List.of();
		}
		var href = waiting.children().size() == 1 ? "/citizen/so-lien-lac/" + waiting.children().getFirst().id() : "/citizen/so-lien-lac";
		var items = new ArrayList<Todo>();
		if (waiting.unpaid() > 0) {
			items.add(Todo.of(30, href, "school.todo.unpaid", waiting.unpaid()));
		}
		if (waiting.recentNotes() > 0) {
			items.add(Todo.of(31, href, "school.todo.notes", waiting.recentNotes()));
		}
		return items;
	}
}
