package vn.xaso.portal;

/** A leader took a published post off the portal; it is a draft again. */
public record PostWithdrawn(String unitCode, long postId) {
}
