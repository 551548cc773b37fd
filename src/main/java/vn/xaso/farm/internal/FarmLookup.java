package vn.xaso.farm.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.farm.FarmSummary;

/** Reads behind the root API {@link vn.xaso.farm.Farms}. */
@Component
public class FarmLookup {

	private final FarmTable farms;
	private final FarmWork work;

	FarmLookup(FarmTable farms, FarmWork work) {
		this.farms = farms;
		this.work = work;
	}

	public List<FarmSummary> summaries(String unitCode) {
		return work.inTx(() -> farms.summaries(unitCode));
	}
}
