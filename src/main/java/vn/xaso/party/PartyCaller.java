package vn.xaso.party;

import org.jspecify.annotations.Nullable;

/**
 * Who asks the party module: an official of a commune (by username) or a citizen (by id). Whether they are a party
 * member, and of which cell, the module looks up itself on every request.
 */
public record PartyCaller(@Nullable String unitCode, @Nullable String username, @Nullable Long citizenId) {

	public static PartyCaller official(String unitCode, String username) {
		return new PartyCaller(unitCode, username, null);
	}

	public static PartyCaller citizen(long citizenId) {
		return new PartyCaller(null, null, citizenId);
	}

	public boolean isCitizen() {
		return citizenId != null;
	}

	/** The value of {@code app.party_person}: {@code o:<username>} or {@code c:<citizen id>}. */
	public String person() {
		return isCitizen() ? "c:" + citizenId : "o:" + username;
	}

	/** Who acted, for the audit log. */
	public String actor() {
		return isCitizen() ? "citizen:" + citizenId : String.valueOf(username);
	}
}
