package vn.xaso.documents.internal;

/**
 * The seam where a released document's PDF gets its signatures (the leader's personal signature
 * and the organisation's, PAdES). The {@code signing} module will provide the real implementation;
 * until it lands, {@link UnsignedRelease} is used and released PDFs carry no digital signature.
 * Called inside the release transaction, after the number is allocated: a failure rolls the
 * release and its number back.
 */
public interface ReleaseSigner {

	/** The PDF to store for the released document (signed, or unchanged when signing is not available). */
	byte[] sign(long documentId, String unitCode, String numberSymbol, byte[] pdf);

	/** True when {@link #sign} really signs. */
	boolean signs();
}
