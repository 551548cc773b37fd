package vn.xaso.community;

/** A household was registered in a village, with its consent recorded. */
public record HouseholdRegistered(String unitCode, long householdId, long villageId, String by) {
}
