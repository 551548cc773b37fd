package vn.xaso.party;

/** The commune party committee moved a member to another cell of the commune (ids only). */
public record MemberMoved(String unitCode, long memberId, long fromCellId, long toCellId) {
}
