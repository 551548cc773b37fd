package vn.xaso.party;

/** A member marked a study material read (once). */
public record StudyMaterialRead(String unitCode, long studyId, long memberId) {
}
