package vn.xaso.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Collects every module's {@link TodoSource} into one person's to-do list: late first, then due soon, then the rest. */
@Component
public class TodoList {

	private final ObjectProvider<TodoSource> sources;

	TodoList(ObjectProvider<TodoSource> sources) {
		this.sources = sources;
	}

	public List<TodoSource.Todo> of(Viewer viewer) {
		return sources.orderedStream()
			.flatMap(s -> s.todos(viewer).stream())
			.sorted(Comparator.comparing(TodoSource.Todo::urgency).thenComparingInt(TodoSource.Todo::order))
			.toList();
	}

	/** How many things wait in all, for the heading. */
	public static long total(List<TodoSource.Todo> todos) {
		return todos.stream().mapToLong(TodoSource.Todo::count).sum();
	}
}
