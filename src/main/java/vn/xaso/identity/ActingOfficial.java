package vn.xaso.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: an official of one unit with their roles, as a module's use cases take it (not the web session's
 * {@link OfficialPrincipal}). Modules name their own kind of actor by extending it ({@code documents.Actor},
 * {@code feedback.FeedbackActor}) and add the role questions of their own work.
 */
public class ActingOfficial {

	private final String unitCode;
	private final String username;
	private final String fullName;
	private final Set<Role> roles;

	protected ActingOfficial(String unitCode, String username, String fullName, Set<Role> roles) {
		this.unitCode = unitCode;
		this.username = username;
		this.fullName = fullName;
		this.roles = Set.copyOf(roles);
	}

	public String unitCode() {
		return unitCode;
	}

	public String username() {
		return username;
	}

	public String fullName() {
		return fullName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Whether the official has at least one of these roles. */
	public boolean hasAny(Role... any) {
		for (var role : any) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && other instanceof ActingOfficial o
				&& unitCode.equals(o.unitCode) && username.equals(o.username) && fullName.equals(o.fullName)
				&& roles.equals(o.roles);
	}

	@Override
	public int hashCode() {
		return Objects.hash(getClass(), unitCode, username, fullName, roles);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[unitCode=" + unitCode + ", username=" + username + ", roles=" + roles + "]";
	}
}
