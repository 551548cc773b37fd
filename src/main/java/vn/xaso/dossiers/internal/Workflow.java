package vn.xaso.dossiers.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.Action;

/**
 * A workflow loaded from {@code dossiers/workflows/<name>.json}. States carry a label, the SLA clock's behaviour
 * ("waiting" before receipt, "running", "paused" while waiting for the citizen, "stopped" once the result exists or
 * the dossier is refused), an optional per-state target in working days and whether the state is final.
 */
public record Workflow(String name, String description, Map<String, State> states, List<Action> actions) {

	public static final String SUBMITTED = "submitted";
	public static final String SUPPLEMENT = "supplement_requested";

	public record State(String name, String label, String clock, @Nullable Integer slaDays, boolean isFinal) {

		public boolean running() {
			return "running".equals(clock);
		}

		public boolean stopped() {
			return "stopped".equals(clock);
		}
	}

	public Optional<Action> action(String name) {
		return actions.stream().filter(a -> a.name().equals(name)).findFirst();
	}

	public State state(String name) {
		var s = states.get(name);
		if (s == null) {
			throw new IllegalStateException("Workflow " + this.name + " has no state " + name);
		}
		return s;
	}
}
