package vn.xaso.farm;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.farm.internal.FarmLookup;

/**
 * The farms of a commune, for other modules (a commune dashboard counting farms and open alarms). Reads in the
 * caller's unit scope (row-level security).
 */
@Service
public class Farms {

	private final FarmLookup lookup;

	Farms(FarmLookup lookup) {
		this.lookup = lookup;
	}

	/** The commune's farms with their device and open-alarm counts, by name. */
	public List<FarmSummary> ofUnit(String unitCode) {
		return lookup.summaries(unitCode);
	}
}
