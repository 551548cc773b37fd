/**
 * Daily counters that modules report for the indicators: a module publishes a {@link MetricEvent}
 * in the transaction that changes its data, and offers a {@link MetricSource} that recounts the
 * same numbers from its own tables, so the insights module can check and rebuild its figures.
 */
@org.springframework.modulith.NamedInterface("metrics")
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.metrics;
