package vn.xaso.farm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Device;
import vn.xaso.farm.Farm;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.metrics.MetricEvent;

/**
 * The farm's charts page (its owner only): one series per device and key over the last 24 hours (the readings
 * themselves, the latest {@value #PER_KEY} of each key) or the last 7 or 30 days (the hourly roll-up: least, mean,
 * greatest). The page shows each series as a table; the script draws the chart from that table.
 */
@Service
public class FarmCharts {

	/** At most this many points per device and key (24 hours of a reading every 2 minutes; 30 days of hours). */
	static final int PER_KEY = 720;

	/** The ranges the page offers. */
	public enum Range {
		DAY(Duration.ofHours(24), false), WEEK(Duration.ofDays(7), true), MONTH(Duration.ofDays(30), true);

		private final Duration length;
		private final boolean hourly;

		Range(Duration length, boolean hourly) {
			this.length = length;
			this.hourly = hourly;
		}

		public boolean hourly() {
			return hourly;
		}

		/** The range named (any case), or the last 24 hours for anything else. */
		public static Range of(@Nullable String name) {
			for (var r : values()) {
				if (r.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
					return r;
				}
			}
			return DAY;
		}

		public String lower() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** One point: a reading (least = mean = greatest) or an hour (n readings). */
	public record Point(Instant at, int n, double least, double mean, double greatest) {
	}

	/** One device's key and its points, oldest first; {@code cut} when older points were left out. */
	public record Series(long deviceId, String deviceName, String key, List<Point> points, boolean cut) {

		/** The id of the series on the page (its table and chart). */
		public String anchor() {
			return "s-" + deviceId + "-" + key;
		}
	}

	public record View(Farm farm, Range range, Instant from, Instant to, List<Series> series) {
	}

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(MetricEvent.VIETNAM);
	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00 dd/MM/yyyy").withZone(MetricEvent.VIETNAM);

	/** A point's time as the page shows it: to the second for a reading, the hour for a roll-up. */
	public static String time(Instant at, boolean hourly) {
		return (hourly ? HOUR : SECOND).format(at);
	}

	/** A value as the page shows it: at most two decimals, written as the latest values are. */
	public static String number(double value) {
		return WatchingThresholds.number(Math.round(value * 100) / 100.0);
	}

	private final ReadingTable readings;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final FarmWork work;

	FarmCharts(ReadingTable readings, DeviceTable devices, FarmAccess access, FarmWork work) {
		this.readings = readings;
		this.devices = devices;
		this.access = access;
		this.work = work;
	}

	public View of(OfficialPrincipal me, long farmId, Range range) {
		var now = work.now();
		var to = range.hourly() ? now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)) : now.plusSeconds(1);
		var from = to.minus(range.length);
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var names = new LinkedHashMap<Long, String>();
			for (Device d : devices.ofFarm(farm.id())) {
				names.put(d.id(), d.name());
			}
			var series = new ArrayList<Series>();
			var points = new ArrayList<Point>();
			ReadingTable.Row last = null;
			for (var row : readings.chart(farm.id(), from, to, range.hourly(), PER_KEY + 1)) {
				if (last != null && (last.deviceId() != row.deviceId() || !last.key().equals(row.key()))) {
					series.add(series(names, last, points));
					points = new ArrayList<>();
				}
				points.add(new Point(row.at(), row.n(), row.least(), row.mean(), row.greatest()));
				last = row;
			}
			if (last != null) {
				series.add(series(names, last, points));
			}
			return new View(farm, range, from, to, series);
		});
	}

	private static Series series(LinkedHashMap<Long, String> names, ReadingTable.Row row, List<Point> points) {
		boolean cut = points.size() > PER_KEY;
		var kept = cut ? points.subList(points.size() - PER_KEY, points.size()) : points;
		return new Series(row.deviceId(), names.getOrDefault(row.deviceId(), "#" + row.deviceId()), row.key(), List.copyOf(kept), cut);
	}
}
