package vn.xaso.signing;

import org.jspecify.annotations.Nullable;

/**
 * How a signature shows on the page, following Nghị định 30/2020 Phụ lục I.
 *
 * <ul>
 * <li>{@link #personal}: the signer's signature image with their name and the signing time, where the
 * signer's signature goes (ô 7c); default: lower right of the last page.</li>
 * <li>{@link #organisation}: the red seal of the organisation, overlapping about a third of the signer's
 * image on its left, with the organisation's name and the signing time (ô 8).</li>
 * <li>{@link #attachment}: for files sent with a document — top right of page 1, no image, only the
 * document's number and symbol and the signing time, Times New Roman 10 pt.</li>
 * <li>{@link #invisible}: no appearance at all.</li>
 * </ul>
 *
 * @param kind which of the above
 * @param name the signer's name (personal) or the organisation's name (organisation, attachment)
 * @param numberAndSymbol the document's number and symbol, e.g. {@code 12/QĐ-UBND} (attachment only)
 * @param page 1-based page number; 0 means the last page
 * @param box where the signer's image is, in PDF points from the page's lower-left corner; {@code null} for
 *        the default place. For an organisation signature this is the signer's image the seal overlaps.
 * @param reason the signature's reason, shown by PDF readers
 */
public record SignatureAppearance(Kind kind, String name, @Nullable String numberAndSymbol, int page, @Nullable Box box,
		@Nullable String reason) {

	/** Labels printed on an attachment's stamp (Phụ lục I): legal text of the signed PDF, Vietnamese whatever the reader's language. */
	static final String NUMBER = "Số: ";
	static final String TIME = "Thời gian ký: ";

	public enum Kind {
		PERSONAL, ORGANISATION, ATTACHMENT, INVISIBLE
	}

	/** A rectangle in PDF points, origin at the page's lower-left corner. */
	public record Box(float x, float y, float width, float height) {
	}

	public static SignatureAppearance personal(String signerName) {
		return new SignatureAppearance(Kind.PERSONAL, signerName, null, 0, null, "Ký duyệt văn bản");
	}

	public static SignatureAppearance organisation(String organisationName) {
		return new SignatureAppearance(Kind.ORGANISATION, organisationName, null, 0, null, "Ban hành văn bản");
	}

	public static SignatureAppearance attachment(String organisationName, String numberAndSymbol) {
		return new SignatureAppearance(Kind.ATTACHMENT, organisationName, numberAndSymbol, 1, null, "Tệp kèm theo văn bản");
	}

	public static SignatureAppearance invisible(String name) {
		return new SignatureAppearance(Kind.INVISIBLE, name, null, 1, null, null);
	}

	public SignatureAppearance at(int pageNumber, @Nullable Box signerBox) {
		return new SignatureAppearance(kind, name, numberAndSymbol, pageNumber, signerBox, reason);
	}
}
