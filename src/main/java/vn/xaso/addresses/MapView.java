package vn.xaso.addresses;

/**
 * What a page's map needs: the same-origin tile path (empty = no tile server set: no map, the page is a plain list),
 * attribution, centre, zoom.
 */
public record MapView(String tiles, String attribution, String lat, String lon, int zoom) {

	/** Whether a map is drawn at all. */
	public boolean shown() {
		return !tiles.isEmpty();
	}
}
