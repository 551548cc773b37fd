package vn.xaso.party;

import java.util.Optional;

/** What other parts of the application may ask of the party module: whether a caller is a member, and of which cell. */
public interface PartyMembership {

	/** The caller's own membership (active), if they are a party member; nothing of anyone else's. */
	Optional<Membership> of(PartyCaller caller);

	/** A member's own membership: their cell, and whether they are its secretary or on the commune party committee. */
	record Membership(long memberId, String unitCode, long cellId, String cellName, String fullName, boolean secretary,
			boolean committee) {
	}
}
