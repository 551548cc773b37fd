package vn.xaso.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A community technology team at commune level ({@code villageId} null) or village level, with its members. */
public record Team(long id, String name, @Nullable Long villageId, @Nullable String villageName, List<Member> members) {

	/** A member: the username of their account, and whether they lead the team. */
	public record Member(long id, long teamId, String username, String fullName, boolean leader, long households) {
	}
}
