package vn.xaso.health.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.health.internal.CitizenHealth;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.platform.web.Viewer;

/**
 * The health station's news on a citizen's home: answers from the doctor (the one answer itself when there is
 * one), vaccination and screening reminders, appointments to come. Nothing for officials.
 */
@Component
class HealthTodo implements TodoSource {

	private final CitizenHealth health;

	HealthTodo(CitizenHealth health) {
		this.health = health;
	}

	@Override
	public List<Todo> todos(Viewer viewer) {
		if (!(viewer instanceof CitizenPrincipal me)) {
			return List.of();
		}
		var waiting = health.waiting(me);
		var items = new ArrayList<Todo>();
		if (!waiting.answered().isEmpty()) {
			var href = waiting.answered().size() == 1 ? "/citizen/hoi-bac-si/" + waiting.answered().getFirst() : "/citizen/hoi-bac-si";
			items.add(Todo.of(20, href, "health.todo.answered", waiting.answered().size()));
		}
		if (waiting.reminders() > 0) {
			items.add(Todo.of(21, "/citizen/lich-kham", "health.todo.reminders", waiting.reminders()));
		}
		if (waiting.appointments() > 0) {
			items.add(Todo.of(22, "/citizen/lich-kham", "health.todo.appointments", waiting.appointments()));
		}
		return items;
	}
}
