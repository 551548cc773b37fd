package vn.xaso.portal;

import java.time.Instant;

/** A leader approved a post; it shows on the portal from {@code publishAt} and is announced then. */
public record PostPublished(String unitCode, long postId, String kind, String title, Instant publishAt) {
}
