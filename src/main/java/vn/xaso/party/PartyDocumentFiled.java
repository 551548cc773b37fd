package vn.xaso.party;

/** The committee filed a resolution, directive, conclusion or instruction in the library. */
public record PartyDocumentFiled(String unitCode, long documentId, String kind) {
}
