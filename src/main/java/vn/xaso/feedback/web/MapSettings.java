package vn.xaso.feedback.web;

/** What the map script needs, rendered as data attributes: tile URL (empty = no tiles), attribution, centre, zoom. */
public record MapSettings(String tileUrl, String attribution, String lat, String lon, int zoom) {
}
