package vn.xaso.dossiers;

import java.util.List;
import java.util.Set;

import vn.xaso.identity.Role;

/**
 * A workflow action as declared in the workflow JSON: from which states, to which state, which roles may take
 * it, whether a note or files are required, and which extra input it takes ("assignee", "returnMethod",
 * "signingPassword", "newDueDate").
 */
public record Action(String name, String label, List<String> from, String to, Set<Role> roles, boolean needsNote,
		boolean needsFiles, List<String> inputs) {

	public Action {
		from = List.copyOf(from);
		roles = Set.copyOf(roles);
		inputs = List.copyOf(inputs);
	}
}
