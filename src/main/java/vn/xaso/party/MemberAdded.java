package vn.xaso.party;

/** A party member was added to a cell (or moved, or their duties changed). */
public record MemberAdded(String unitCode, long cellId, long memberId, boolean secretary, boolean committee) {
}
