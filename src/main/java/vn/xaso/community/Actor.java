package vn.xaso.community;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.Role;

/**
 * Who acts: their commune, username and roles, their team membership when they have one and the village
 * their account is bound to (a village head's). Commune staff (administrator, leader) see the whole commune;
 * a team member sees only the households assigned to them; a village head only their village's households.
 */
public record Actor(String unitCode, String username, Set<Role> roles, @Nullable Long memberId, @Nullable Long villageId) {

	public Actor(String unitCode, String username, Set<Role> roles, @Nullable Long memberId) {
		this(unitCode, username, roles, memberId, null);
	}

	/** A village head who is neither commune staff nor a team member: reads their village's households. */
	public boolean villageHead() {
		return roles.contains(Role.VILLAGE_HEAD) && !staff() && memberId == null;
	}

	public boolean staff() {
		return roles.contains(Role.ADMIN) || roles.contains(Role.LEADER);
	}

	public boolean admin() {
		return roles.contains(Role.ADMIN);
	}
}
