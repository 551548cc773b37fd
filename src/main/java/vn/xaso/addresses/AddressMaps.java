package vn.xaso.addresses;

/**
 * The map other modules' pages draw over the address pages' tile proxy with the address pages' script
 * ({@code assets/addresses/map.js}, list mode: an element {@code #addresses-map} with this view's fields as
 * {@code data-} attributes, and a pin for each {@code .address-item[data-lat][data-lon]}, its popup a link to the item's
 * {@code data-href} named by its {@code data-code}). Without a tile server the view is empty and the page stays a list.
 */
public interface AddressMaps {

	/** The map for a commune, centred on its reference point (or the configured centre when it has none). */
	MapView view(String communeCode);
}
