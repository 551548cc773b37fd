package vn.xaso.addresses.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.addresses.AddressMaps;
import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.MapView;

/**
 * Settings {@code xaso.addresses.*}: the upstream tile server (empty: no map, the plain pin-and-list
 * view), its attribution, and the public address printed in door-plate QR codes. Read on each use so a
 * changed setting applies at once.
 */
@Component
class MapConfig implements AddressMaps {

	static final String TILE_PATH = "/addresses/tiles/{z}/{x}/{y}.png";

	private final Environment env;
	private final Addresses addresses;
	private final PublicAddress address;

	MapConfig(Environment env, Addresses addresses, PublicAddress address) {
		this.address = address;
		this.env = env;
		this.addresses = addresses;
	}

	@Override
	public MapView view(String communeCode) {
		var centre = addresses.reference(communeCode).map(r -> new double[] { r.lat(), r.lon() }).orElseGet(this::defaultCentre);
		return view(centre[0], centre[1]);
	}

	String upstream() {
		return env.getProperty("xaso.addresses.tile-url", "").strip();
	}

	MapView view(double lat, double lon) {
		return new MapView(upstream().isEmpty() ? "" : TILE_PATH, env.getProperty("xaso.addresses.tile-attribution", ""),
				String.valueOf(lat), String.valueOf(lon), env.getProperty("xaso.addresses.map-zoom", Integer.class, 15));
	}

	/** Where the map opens without a reference point: {@code xaso.addresses.map-center} ("lat,lon"). */
	double[] defaultCentre() {
		var parts = env.getProperty("xaso.addresses.map-center", "20.10,105.98").split(",");
		try {
			return new double[] { Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()) };
		}
		catch (RuntimeException e) {
			return new double[] { 20.10, 105.98 };
		}
	}

	String publicUrl() {
		return address.base();
	}
}
