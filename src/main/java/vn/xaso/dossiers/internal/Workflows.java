package vn.xaso.dossiers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import vn.xaso.dossiers.Action;
import vn.xaso.identity.Role;
import vn.xaso.platform.Json;

/**
 * Loads and checks the workflow declarations at start-up: every action's states exist, roles are known, the
 * states "submitted" and "supplement_requested" exist, and every non-final state has a way out.
 */
@Component
public class Workflows {

	public static final List<String> NAMES = List.of("standard", "same-day");

	private final Map<String, Workflow> byName = new LinkedHashMap<>();

	public Workflows() {
		var mapper = Json.MAPPER;
		for (var name : NAMES) {
			try (InputStream in = Workflows.class.getResourceAsStream("/dossiers/workflows/" + name + ".json")) {
				if (in == null) {
					throw new IllegalStateException("Workflow file missing: dossiers/workflows/" + name + ".json");
				}
				byName.put(name, parse(mapper.readTree(in)));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	public Workflow get(String name) {
		var w = byName.get(name);
		if (w == null) {
			throw new IllegalStateException("Unknown workflow: " + name);
		}
		return w;
	}

	public boolean exists(String name) {
		return byName.containsKey(name);
	}

	static Workflow parse(JsonNode root) {
		var name = root.path("name").asString();
		var states = new LinkedHashMap<String, Workflow.State>();
		for (var e : root.path("states").properties()) {
			var s = e.getValue();
			var clock = s.path("clock").asString("running");
			if (!List.of("waiting", "running", "paused", "stopped").contains(clock)) {
				throw new IllegalStateException("Workflow " + name + ", state " + e.getKey() + ": unknown clock " + clock);
			}
			states.put(e.getKey(), new Workflow.State(e.getKey(), s.path("label").asString(e.getKey()), clock,
					s.has("slaDays") ? s.path("slaDays").asInt() : null, s.path("final").asBoolean(false)));
		}
		var actions = new ArrayList<Action>();
		for (var a : root.path("actions")) {
			var from = new ArrayList<String>();
			a.path("from").forEach(f -> from.add(f.asString()));
			var roles = EnumSet.noneOf(Role.class);
			a.path("roles").forEach(r -> roles.add(Role.valueOf(r.asString())));
			var inputs = new ArrayList<String>();
			a.path("inputs").forEach(i -> inputs.add(i.asString()));
			var to = a.path("to").asString("");
			for (var f : from) {
				require(states.containsKey(f), name, "action " + a.path("name").asString() + " from unknown state " + f);
			}
			require(to.isEmpty() || states.containsKey(to), name, "action to unknown state " + to);
			actions.add(new Action(a.path("name").asString(), a.path("label").asString(), from, to, roles,
					a.path("needsNote").asBoolean(false), a.path("needsFiles").asBoolean(false), inputs));
		}
		require(states.containsKey(Workflow.SUBMITTED) && states.containsKey(Workflow.SUPPLEMENT), name,
				"states submitted and supplement_requested are required");
		for (var s : states.values()) {
			require(s.isFinal() || s.name().equals(Workflow.SUPPLEMENT)
					|| actions.stream().anyMatch(a -> a.from().contains(s.name()) && !a.to().isEmpty()), name,
					"state " + s.name() + " has no way out");
		}
		return new Workflow(name, root.path("description").asString(""), java.util.Collections.unmodifiableMap(states), List.copyOf(actions));
	}

	private static void require(boolean ok, String workflow, String problem) {
		if (!ok) {
			throw new IllegalStateException("Workflow " + workflow + ": " + problem);
		}
	}
}
