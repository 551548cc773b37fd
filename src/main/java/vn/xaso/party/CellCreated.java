package vn.xaso.party;

/** A cell of the commune's party organisation was created. */
public record CellCreated(String unitCode, long cellId, String by) {
}
