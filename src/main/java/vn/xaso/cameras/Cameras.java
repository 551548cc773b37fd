package vn.xaso.cameras;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.cameras.internal.CameraLookup;

/**
 * The cameras of a commune, for other modules (a dashboard counting them): never with their addresses. Reads in the
 * caller's unit scope (row-level security).
 */
@Service
public class Cameras {

	private final CameraLookup lookup;

	Cameras(CameraLookup lookup) {
		this.lookup = lookup;
	}

	/** The commune's cameras by name. */
	public List<Camera> ofUnit(String unitCode) {
		return lookup.ofUnit(unitCode);
	}
}
