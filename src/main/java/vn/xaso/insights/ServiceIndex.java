package vn.xaso.insights;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.Json;

/**
 * The QĐ 766/QĐ-TTg service index of a commune (or a province, from summed numerators and
 * denominators): five groups, 100 points. Each group's points are split over indicators; a part
 * scores its points × its rate (0–100 %). A part without data scores nothing and is marked, so a
 * commune that has not started is not shown as failing silently. Weights and the mapping of the
 * decision's sub-indicators to XaSo's data are in {@code insights/service-index-766.json} and
 * explained in docs/modules/insights.md.
 */
@Service
public class ServiceIndex {

	public record Part(Indicator indicator, BigDecimal points) {
	}

	public record Group(String code, String nameVi, String nameEn, BigDecimal points, List<Part> parts) {

		public String name(boolean english) {
			return english ? nameEn : nameVi;
		}
	}

	public record PartScore(Part part, IndicatorValue value, @Nullable BigDecimal score) {
	}

	public record GroupScore(Group group, List<PartScore> parts) {

		public BigDecimal score() {
			return parts.stream().map(p -> p.score() == null ? BigDecimal.ZERO : p.score()).reduce(BigDecimal.ZERO, BigDecimal::add)
				.setScale(2, RoundingMode.HALF_EVEN);
		}

		public boolean complete() {
			return parts.stream().allMatch(p -> p.score() != null);
		}
	}

	public record Score(String unitCode, LocalDate from, LocalDate to, List<GroupScore> groups) {

		public BigDecimal total() {
			return groups.stream().map(GroupScore::score).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
		}

		public boolean complete() {
			return groups.stream().allMatch(GroupScore::complete);
		}

		public String display() {
			return total().setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
		}
	}

	private final Indicators indicators;
	private final String nameVi;
	private final String source;
	private final List<Group> groups;

	ServiceIndex(Indicators indicators) {
		this.indicators = indicators;
		try (InputStream in = new ClassPathResource("insights/service-index-766.json").getInputStream()) {
			var root = Json.MAPPER.readTree(in);
			this.nameVi = root.path("nameVi").asString();
			this.source = root.path("source").asString();
			var list = new ArrayList<Group>();
			var total = BigDecimal.ZERO;
			for (var g : root.path("groups")) {
				var parts = new ArrayList<Part>();
				var sum = BigDecimal.ZERO;
				for (var p : g.path("parts")) {
					var code = p.path("indicator").asString();
					var indicator = indicators.find(code)
						.orElseThrow(() -> new IllegalStateException("Service index: unknown indicator " + code));
					if (indicator.kind() != Indicator.Kind.RATIO || indicator.scale() != 100) {
						throw new IllegalStateException("Service index: " + code + " must be a percentage");
					}
					var points = p.path("points").decimalValue();
					parts.add(new Part(indicator, points));
					sum = sum.add(points);
				}
				var points = g.path("points").decimalValue();
				if (sum.compareTo(points) != 0) {
					throw new IllegalStateException("Service index group " + g.path("code").asString() + ": parts add up to " + sum
							+ ", not " + points);
				}
				list.add(new Group(g.path("code").asString(), g.path("nameVi").asString(), g.path("nameEn").asString(), points,
						List.copyOf(parts)));
				total = total.add(points);
			}
			if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
				throw new IllegalStateException("Service index: groups add up to " + total + ", not 100");
			}
			this.groups = List.copyOf(list);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read insights/service-index-766.json", e);
		}
	}

	public String name() {
		return nameVi;
	}

	public String source() {
		return source;
	}

	public List<Group> groups() {
		return groups;
	}

	/** The score of a unit: its figures for every part read at once ({@link Indicators#values}). */
	@Transactional(readOnly = true)
	public Score score(String unitCode, LocalDate from, LocalDate to) {
		var all = new java.util.LinkedHashSet<Indicator>();
		groups.forEach(g -> g.parts().forEach(p -> all.add(p.indicator())));
		var values = new java.util.HashMap<String, IndicatorValue>();
		indicators.values(unitCode, from, to, all).forEach(v -> values.put(v.indicator().code(), v));
		var scored = new ArrayList<GroupScore>();
		for (var g : groups) {
			var parts = new ArrayList<PartScore>();
			for (var p : g.parts()) {
				var value = values.get(p.indicator().code());
				var rate = value.value();
				parts.add(new PartScore(p, value, rate == null ? null
						: p.points().multiply(rate).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_EVEN)));
			}
			scored.add(new GroupScore(g, List.copyOf(parts)));
		}
		return new Score(unitCode, from, to, List.copyOf(scored));
	}
}
