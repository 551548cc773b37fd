package vn.xaso.insights;

import java.time.LocalDate;
import java.util.LinkedHashSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.insights.internal.Facts;

/**
 * How many of a unit's communes have figures behind its service index in a period (issue 21): a province's
 * score summed from 1 of 129 communes is not the province's score. A commune is counted when any metric of the
 * index's indicators has a count in the period. {@link Share#enough()}: at least {@value #ENOUGH_PERCENT} % of
 * the communes, below which the dashboards show the figure as "the communes with figures", not as the unit's.
 */
@Service
public class Coverage {

	public static final int ENOUGH_PERCENT = 80;

	/** {@code withData} of {@code communes} communes have figures. */
	public record Share(int withData, int communes) {

		public boolean enough() {
			return communes > 0 && withData * 100L >= (long) communes * ENOUGH_PERCENT;
		}

		public boolean complete() {
			return communes > 0 && withData == communes;
		}
	}

	private final Indicators indicators;
	private final ServiceIndex index;
	private final Facts facts;

	Coverage(Indicators indicators, ServiceIndex index, Facts facts) {
		this.indicators = indicators;
		this.index = index;
		this.facts = facts;
	}

	/** For a commune or a province (its communes); the caller's scope must see them. */
	@Transactional(readOnly = true)
	public Share ofServiceIndex(String unitCode, LocalDate from, LocalDate to) {
		var members = indicators.members(unitCode);
		if (members == null || members.isEmpty()) {
			return new Share(0, 0);
		}
		var metrics = new LinkedHashSet<String>();
		for (var g : index.groups()) {
			for (var p : g.parts()) {
				metrics.addAll(p.indicator().numerator());
				metrics.addAll(p.indicator().denominator());
			}
		}
		var byUnit = facts.sumsByUnit(members, metrics, from, to);
		int withData = (int) byUnit.values().stream().filter(m -> m.values().stream().anyMatch(v -> v != 0)).count();
		return new Share(withData, members.size());
	}
}
