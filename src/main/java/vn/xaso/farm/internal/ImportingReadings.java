package vn.xaso.farm.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Device;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.Spreadsheets;
import vn.xaso.platform.render.ContentChecks;

/**
 * Readings kept elsewhere before the farm used XaSo (a logger's memory card, another platform's export) brought in from
 * a CSV file with their own times: the columns of XaSo's own export ({@code device, key, time, value}; other columns
 * such as {@code device_name} are ignored), so an exported file can be brought back. The whole file is checked first
 * and refused with the first rows' problems when any row is wrong — nothing is stored then. A reading already stored
 * (same device, key and time) is skipped, so an overlapping file adds only what is new; the same file twice is refused.
 * Times older than the raw readings' retention are stored and counted in the hourly roll-up, which keeps them after
 * the retention job removes the raw rows. Imported readings raise no alarms and do not count as the device being seen.
 */
@Service
public class ImportingReadings {

	static final int MAX_BYTES = 8 * 1024 * 1024;
	static final int MAX_ROWS = 100_000;
	private static final int SHOWN_ERRORS = 3;
	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
	private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
	private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSS]"),
			DateTimeFormatter.ofPattern("d/M/uuuu HH:mm[:ss]"));

	private final ReadingTable readings;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final FarmWork work;
	private final FarmMetrics metrics;
	private final Duration hourlyKept;

	ImportingReadings(ReadingTable readings, DeviceTable devices, FarmAccess access, FarmWork work, FarmMetrics metrics,
			@Value("${xaso.farm.hourly.retention-days:730}") int hourlyRetentionDays) {
		this.readings = readings;
		this.devices = devices;
		this.access = access;
		this.work = work;
		this.metrics = metrics;
		this.hourlyKept = Duration.ofDays(hourlyRetentionDays);
	}

	/** What an import did: readings stored, and readings of the file that were already there. */
	public record Result(int stored, int skipped) {
	}

	private record Parsed(long deviceId, String key, Instant at, double value) {
	}

	public Result importCsv(OfficialPrincipal me, long farmId, byte[] content) {
		if (content.length == 0) {
			throw new FarmException("file", "farm.import.noFile");
		}
		if (content.length > MAX_BYTES) {
			throw new FarmException("file", "farm.import.tooBig", MAX_BYTES / 1024 / 1024);
		}
		var text = text(content);
		var rows = Spreadsheets.csv(text, MAX_ROWS + 2);
		if (rows.size() < 2) {
			throw new FarmException("file", "farm.import.empty");
		}
		if (rows.size() > MAX_ROWS + 1) {
			throw new FarmException("file", "farm.import.tooManyRows", MAX_ROWS);
		}
		var header = rows.get(0).stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
		int device = header.indexOf("device"), key = header.indexOf("key"), time = header.indexOf("time"), value = header.indexOf("value");
		if (device < 0 || key < 0 || time < 0 || value < 0) {
			throw new FarmException("file", "farm.import.header");
		}
		var sha = sha256(content);
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			Map<String, Device> byLogin = devices.ofFarm(farm.id()).stream().collect(Collectors.toMap(Device::login, Function.identity()));
			var now = work.now();
			var oldest = now.minus(hourlyKept);
			var parsed = new ArrayList<Parsed>(rows.size());
			var errors = new ArrayList<Object>();
			int problems = 0;
			for (int i = 1; i < rows.size(); i++) {
				var row = rows.get(i);
				if (row.stream().allMatch(String::isBlank)) {
					continue;
				}
				FarmException problem = null;
				int line = i + 1;
				var d = byLogin.get(cell(row, device));
				var k = cell(row, key);
				var at = time(cell(row, time));
				var v = number(cell(row, value));
				if (d == null) {
					problem = new FarmException("file", "farm.import.row.device", line, cell(row, device));
				}
				else if (!KEY.matcher(k).matches()) {
					problem = new FarmException("file", "farm.import.row.key", line, k);
				}
				else if (at == null) {
					problem = new FarmException("file", "farm.import.row.time", line, cell(row, time));
				}
				else if (at.isAfter(now.plusSeconds(60))) {
					problem = new FarmException("file", "farm.import.row.future", line);
				}
				else if (at.isBefore(oldest)) {
					problem = new FarmException("file", "farm.import.row.tooOld", line, hourlyKept.toDays());
				}
				else if (v == null) {
					problem = new FarmException("file", "farm.import.row.value", line, cell(row, value));
				}
				if (problem != null) {
					if (problems++ < SHOWN_ERRORS) {
						errors.add(problem);
					}
					continue;
				}
				parsed.add(new Parsed(d.id(), k, at, v));
			}
			if (problems > 0) {
				while (errors.size() < SHOWN_ERRORS) {
					errors.add("");
				}
				throw new FarmException("file", "farm.import.refused", problems, errors.get(0), errors.get(1), errors.get(2));
			}
			if (parsed.isEmpty()) {
				throw new FarmException("file", "farm.import.empty");
			}
			if (!readings.importOnce(farm.unitCode(), farm.id(), sha, me.username(), parsed.size(), now)) {
				throw new FarmException("file", "farm.import.again");
			}
			int stored = 0;
			var perDay = FarmMetrics.perDay();
			for (var p : parsed) {
				int n = readings.storeOld(farm.unitCode(), p.deviceId(), p.key(), p.at(), p.value());
				FarmMetrics.count(perDay, p.at(), n);
				stored += n;
			}
			metrics.readingsStored(farm.unitCode(), perDay);
			work.audit(farm.unitCode(), me.username(), "farm.readings.imported", "farm", farm.id(),
					parsed.size() + " rows, " + stored + " new, sha256 " + sha);
			return new Result(stored, parsed.size() - stored);
		});
	}

	/** Strict UTF-8 text (a byte-order mark allowed); a picture, PDF, workbook or other binary file is refused. */
	private static String text(byte[] content) {
		if (ContentChecks.sniff(content) != null || indexOfZero(content) >= 0) {
			throw new FarmException("file", "farm.import.notCsv");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException e) {
			throw new FarmException("file", "farm.import.notUtf8");
		}
	}

	private static int indexOfZero(byte[] content) {
		for (int i = 0; i < Math.min(content.length, 4096); i++) {
			if (content[i] == 0) {
				return i;
			}
		}
		return -1;
	}

	private static String cell(List<String> row, int index) {
		return index < row.size() ? row.get(index).strip() : "";
	}

	/** A time with its offset (as XaSo exports it), or a Vietnam local time: 2026-12-06 08:30[:00] or 06/12/2026 08:30. */
	static Instant time(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			// not with an offset: try the local forms
		}
		for (var format : LOCAL_TIMES) {
			try {
				return LocalDateTime.parse(text, format).atZone(ScheduleTimes.ZONE).toInstant();
			}
			catch (DateTimeParseException e) {
				// next form
			}
		}
		return null;
	}

	/** A finite number; a decimal comma (spreadsheets set to Vietnamese) is read as a point. */
	static Double number(String text) {
		var normal = DECIMAL_COMMA.matcher(text).matches() ? text.replace(',', '.') : text;
		try {
			double value = Double.parseDouble(normal);
			return Double.isFinite(value) && !normal.matches(".*[a-zA-Z].*") ? value : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
