package vn.xaso.portal;

/** A file attached to a post: a PDF or a picture, checked by its content. */
public record PostAttachment(long id, long postId, String title, String contentType, int size) {

	public boolean image() {
		return contentType.startsWith("image/");
	}
}
