package vn.xaso.farm.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Device;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;

/**
 * A farm's readings as CSV or an Excel workbook for a range of days (Vietnam dates, both included), for a spreadsheet: every reading
 * (up to 31 days; readings are kept 90 days) or the hourly roll-up (count, least, greatest, mean; up to 366 days, kept
 * two years). UTF-8 with a byte-order mark (spreadsheets then read Vietnamese device names right), times with their
 * +07:00 offset. More than {@value #MAX_ROWS} rows: refused, a shorter range asked for.
 */
@Service
public class ExportingReadings {

	static final int MAX_ROWS = 200_000;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ScheduleTimes.ZONE);
	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX").withZone(ScheduleTimes.ZONE);

	private final ReadingTable readings;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final FarmWork work;

	ExportingReadings(ReadingTable readings, DeviceTable devices, FarmAccess access, FarmWork work) {
		this.readings = readings;
		this.devices = devices;
		this.access = access;
		this.work = work;
	}

	public record Input(@Nullable String from, @Nullable String to, @Nullable String level) {
	}

	/** The file's name without extension: trang-trai-<id>-<from>-<to>[-theo-gio]. */
	public static String name(long farmId, Input input) {
		return "trang-trai-" + farmId + "-" + FarmText.day(input.from(), "from") + "-" + FarmText.day(input.to(), "to")
				+ ("HOUR".equals(input.level()) ? "-theo-gio" : "");
	}

	public byte[] csv(OfficialPrincipal me, long farmId, Input input) {
		var table = table(me, farmId, input, "csv");
		var out = new StringBuilder("\uFEFF");
		out.append(String.join(",", table.header())).append("\r\n");
		for (var r : table.rows()) {
			out.append(Device.login(r.deviceId())).append(',').append(cell(table.deviceName(r))).append(',')
				.append(r.key()).append(',').append((table.hourly() ? HOUR : TIME).format(r.at())).append(',');
			if (table.hourly()) {
				out.append(r.n()).append(',').append(number(r.least())).append(',').append(number(r.greatest())).append(',')
					.append(number(r.mean()));
			}
			else {
				out.append(number(r.mean()));
			}
			out.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The same readings as an Excel workbook (one sheet, the same columns as the CSV): times as Vietnam date-times and
	 * values as numbers, so a spreadsheet can sort, filter and chart them without converting text.
	 */
	public byte[] xlsx(OfficialPrincipal me, long farmId, Input input) {
		var table = table(me, farmId, input, "xlsx");
		var bytes = new ByteArrayOutputStream();
		try (var workbook = new Workbook(bytes, "XaSo", "1.0")) {
			var sheet = workbook.newWorksheet(table.hourly() ? "theo-gio" : "so-do");
			for (int c = 0; c < table.header().size(); c++) {
				sheet.value(0, c, table.header().get(c));
				sheet.style(0, c).bold().set();
			}
			int row = 1;
			for (var r : table.rows()) {
				sheet.value(row, 0, Device.login(r.deviceId()));
				sheet.value(row, 1, table.deviceName(r));
				sheet.value(row, 2, r.key());
				sheet.value(row, 3, LocalDateTime.ofInstant(r.at(), ScheduleTimes.ZONE));
				sheet.style(row, 3).format(table.hourly() ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd hh:mm:ss").set();
				if (table.hourly()) {
					sheet.value(row, 4, r.n());
					sheet.value(row, 5, r.least());
					sheet.value(row, 6, r.greatest());
					sheet.value(row, 7, r.mean());
				}
				else {
					sheet.value(row, 4, r.mean());
				}
				row++;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private record Table(boolean hourly, List<String> header, Map<Long, String> names, List<ReadingTable.Row> rows) {

		String deviceName(ReadingTable.Row row) {
			return names.getOrDefault(row.deviceId(), "");
		}
	}

	private Table table(OfficialPrincipal me, long farmId, Input input, String format) {
		var from = FarmText.day(input.from(), "from");
		var to = FarmText.day(input.to(), "to");
		boolean hourly = "HOUR".equals(input.level());
		if (to.isBefore(from)) {
			throw new FarmException("to", "farm.error.exportOrder");
		}
		if (ChronoUnit.DAYS.between(from, to) >= (hourly ? 366 : 31)) {
			throw new FarmException("to", hourly ? "farm.error.exportYear" : "farm.error.exportMonth");
		}
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var names = new HashMap<Long, String>();
			devices.ofFarm(farm.id()).forEach(d -> names.put(d.id(), d.name()));
			var rows = readings.export(farm.id(), from.atStartOfDay(ScheduleTimes.ZONE).toInstant(),
					to.plusDays(1).atStartOfDay(ScheduleTimes.ZONE).toInstant(), hourly, MAX_ROWS + 1);
			if (rows.size() > MAX_ROWS) {
				throw new FarmException("to", "farm.error.exportTooBig", MAX_ROWS);
			}
			work.audit(farm.unitCode(), me.username(), "farm.readings.exported", "farm", farm.id(),
					from + ".." + to + (hourly ? " hourly" : "") + " " + format + " " + rows.size());
			return new Table(hourly, hourly ? HOURLY_HEADER : RAW_HEADER, names, rows);
		});
	}

	private static final List<String> RAW_HEADER = List.of("device", "device_name", "key", "time", "value");
	private static final List<String> HOURLY_HEADER = List.of("device", "device_name", "key", "hour", "count", "least", "greatest", "mean");

	private static String number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
	}

	/** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is neutralised. */
	private static String cell(String text) {
		var safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
		return safe.matches(".*[,\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
