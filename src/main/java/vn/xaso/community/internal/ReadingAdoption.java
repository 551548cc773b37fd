package vn.xaso.community.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.units.Villages;

/**
 * Digital adoption per village, from community's own tables (issue 16): households, surveyed, and those whose latest
 * survey has a smartphone, e-payment, VNeID level 2, uses the app, and those with an address code. The same counts
 * as the commune's indicators in insights (which sum their counters), split by village. Commune staff see every
 * village; a village head their own; anyone else nothing.
 */
@Service
public class ReadingAdoption {

	/** One village's line; {@code total} true for the sum of the lines. */
	public record Line(String village, long households, long surveyed, long smartphone, long ePayment, long vneid, long app,
			long coded, boolean total) {

		/** "83,3" (one decimal, Vietnamese comma), or "—" without households. */
		public String percent(long part) {
			if (households == 0) {
				return "—";
			}
			var v = java.math.BigDecimal.valueOf(part * 100).divide(java.math.BigDecimal.valueOf(households), 1,
					java.math.RoundingMode.HALF_UP).stripTrailingZeros();
			return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
		}
	}

	private final SurveyTable surveys;
	private final Villages villages;

	ReadingAdoption(SurveyTable surveys, Villages villages) {
		this.surveys = surveys;
		this.villages = villages;
	}

	@Transactional(readOnly = true)
	public List<Line> byVillage(Actor actor) {
		if (!actor.staff() && !(actor.villageHead() && actor.villageId() != null)) {
			return List.of();
		}
		var rows = surveys.adoption(actor.unitCode(), actor.staff() ? null : actor.villageId());
		var names = new java.util.HashMap<Long, String>();
		villages.list(actor.unitCode()).forEach(v -> names.put(v.id(), v.fullName()));
		var lines = new ArrayList<Line>();
		long[] sum = new long[7];
		rows.stream().sorted(java.util.Comparator.comparing(r -> names.getOrDefault(r.villageId(), ""))).forEach(r -> {
			lines.add(new Line(names.getOrDefault(r.villageId(), ""), r.households(), r.surveyed(), r.smartphone(), r.ePayment(),
					r.vneid(), r.app(), r.coded(), false));
			long[] v = { r.households(), r.surveyed(), r.smartphone(), r.ePayment(), r.vneid(), r.app(), r.coded() };
			for (int i = 0; i < 7; i++) {
				sum[i] += v[i];
			}
		});
		if (lines.size() > 1) {
			lines.add(new Line("", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], true));
		}
		return lines;
	}
}
