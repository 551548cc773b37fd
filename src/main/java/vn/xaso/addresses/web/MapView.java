package vn.xaso.addresses.web;

/** What the page's map needs: the same-origin tile path (empty = no map), attribution, centre, zoom. */
public record MapView(String tiles, String attribution, String lat, String lon, int zoom) {
}
