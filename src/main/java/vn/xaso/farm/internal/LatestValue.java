package vn.xaso.farm.internal;

import java.time.Instant;

/** The latest value of one key of one device, for the farm's page. */
public record LatestValue(long deviceId, String key, Instant at, double value) {
}
