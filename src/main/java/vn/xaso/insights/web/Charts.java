package vn.xaso.insights.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import vn.xaso.platform.Json;

/**
 * Chart data for {@code data-*} attributes (CSP forbids inline scripts): JSON arrays of labels
 * and numbers that {@code /assets/insights/charts.js} reads. jte escapes the attribute value.
 */
public final class Charts {

	private static final tools.jackson.databind.json.JsonMapper JSON = Json.MAPPER;

	private Charts() {
	}

	public static String labels(List<String> labels) {
		return labels.stream().map(Charts::quote).collect(Collectors.joining(",", "[", "]"));
	}

	/** Numbers rounded to one decimal; a missing figure is {@code null} (a gap, not a zero). */
	public static String numbers(List<BigDecimal> values) {
		return values.stream()
			.map(v -> v == null ? "null" : v.setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString())
			.collect(Collectors.joining(",", "[", "]"));
	}

	private static String quote(String s) {
		return JSON.writeValueAsString(s);
	}
}
