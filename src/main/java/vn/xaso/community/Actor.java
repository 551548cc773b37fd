package vn.xaso.community;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.Role;

/**
 * Who acts: their commune, username and roles, and their team membership when they have one.
 * Commune staff (administrator, leader) see the whole commune; a team member sees only the households
 * assigned to them.
 */
public record Actor(String unitCode, String username, Set<Role> roles, @Nullable Long memberId) {

	public boolean staff() {
		return roles.contains(Role.ADMIN) || roles.contains(Role.LEADER);
	}

	public boolean admin() {
		return roles.contains(Role.ADMIN);
	}
}
