package vn.xaso.insights.web;

import java.util.List;
import java.util.stream.Collectors;

import vn.xaso.platform.web.Page;

/**
 * Plain names of the counters behind an indicator (issue 21: the explanation page showed
 * "dossiers.resolved_on_time"), from the insights messages ({@code insights.metric.<code>}); a counter
 * without a name keeps its code, which {@code InsightsCoverageTests} refuses for every declared counter.
 */
public final class MetricNames {

	private MetricNames() {
	}

	public static String name(Page page, String metric) {
		var name = page.t("insights.metric." + metric);
		return name.startsWith("??") ? metric : name;
	}

	public static String join(Page page, List<String> metrics) {
		return metrics.stream().map(m -> name(page, m)).collect(Collectors.joining(" + "));
	}
}
