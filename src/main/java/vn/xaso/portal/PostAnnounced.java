package vn.xaso.portal;

import java.util.Set;

/** A published post whose time came was carried to the channels its editor chose; {@code note} says how it went. */
public record PostAnnounced(String unitCode, long postId, Set<String> channels, String note) {
}
