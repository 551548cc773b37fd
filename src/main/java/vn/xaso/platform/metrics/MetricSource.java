package vn.xaso.platform.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A module's recount of its own counters from its tables, for the check and rebuild of the
 * indicator figures. Called in system-wide scope; must return per unit, day and metric exactly
 * what the module's {@link MetricEvent}s added up to.
 */
public interface MetricSource {

	/** The metric codes this source counts, e.g. "documents.outgoing_released". */
	Set<String> metrics();

	/** Counts for days in [from, to] (Vietnam time); zero counts may be left out. */
	List<MetricCount> recount(LocalDate from, LocalDate to);

	record MetricCount(String unitCode, LocalDate day, String metric, long value) {
	}
}
