package vn.xaso.farm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import vn.xaso.platform.Json;

/**
 * The telemetry format and what is refused (a named policy, no Spring). A message is a JSON object of readings
 * — keys ({@code [a-z][a-z0-9_]{0,39}}) with a number or true/false (1/0), and optionally {@code "ts"}: the time,
 * as milliseconds since 1970 or ISO-8601 — or a batch: a JSON array of up to 100 such objects. Refused whole,
 * nothing stored: more than {@value #MAX_BYTES} bytes (TOO_BIG); not JSON (NOT_JSON); a value that is not a number
 * or true/false, an unknown shape, an empty message (WRONG_TYPE); a time more than 5 minutes ahead of the server's
 * (FUTURE) or older than the readings kept (TOO_OLD).
 */
final class TelemetryMessage {

	static final int MAX_BYTES = 16 * 1024;
	static final int MAX_OBJECTS = 100;
	static final Duration AHEAD = Duration.ofMinutes(5);
	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	record Reading(String key, Instant at, double value) {
	}

	/** Either readings (in time order) or the reason it was refused. */
	record Parsed(List<Reading> readings, @Nullable String refused) {

		static Parsed refuse(String reason) {
			return new Parsed(List.of(), reason);
		}
	}

	private TelemetryMessage() {
	}

	static Parsed parse(byte[] payload, Instant now, Duration kept) {
		if (payload.length > MAX_BYTES) {
			return Parsed.refuse("TOO_BIG");
		}
		JsonNode root;
		try {
			root = Json.MAPPER.readTree(payload);
		}
		catch (JacksonException e) {
			return Parsed.refuse("NOT_JSON");
		}
		if (root == null || root.isMissingNode()) {
			return Parsed.refuse("NOT_JSON");
		}
		var objects = new ArrayList<JsonNode>();
		if (root.isObject()) {
			objects.add(root);
		}
		else if (root.isArray() && !root.isEmpty() && root.size() <= MAX_OBJECTS) {
			root.forEach(objects::add);
		}
		else {
			return Parsed.refuse("WRONG_TYPE");
		}
		var readings = new ArrayList<Reading>();
		for (var object : objects) {
			if (!object.isObject()) {
				return Parsed.refuse("WRONG_TYPE");
			}
			Instant at = object.has("ts") ? time(object.get("ts")) : now;
			if (at == null) {
				return Parsed.refuse("WRONG_TYPE");
			}
			if (at.isAfter(now.plus(AHEAD))) {
				return Parsed.refuse("FUTURE");
			}
			if (at.isBefore(now.minus(kept))) {
				return Parsed.refuse("TOO_OLD");
			}
			int before = readings.size();
			for (var field : object.properties()) {
				if (field.getKey().equals("ts")) {
					continue;
				}
				var v = field.getValue();
				if (!KEY.matcher(field.getKey()).matches()) {
					return Parsed.refuse("WRONG_TYPE");
				}
				double value;
				if (v.isBoolean()) {
					value = v.booleanValue() ? 1 : 0;
				}
				else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
					value = v.doubleValue();
				}
				else {
					return Parsed.refuse("WRONG_TYPE");
				}
				readings.add(new Reading(field.getKey(), at, value));
			}
			if (readings.size() == before) {
				return Parsed.refuse("WRONG_TYPE");
			}
		}
		readings.sort(Comparator.comparing(Reading::at));
		return new Parsed(List.copyOf(readings), null);
	}

	private static @Nullable Instant time(JsonNode ts) {
		if (ts.isIntegralNumber()) {
			long ms = ts.longValue();
			return ms > 0 ? Instant.ofEpochMilli(ms) : null;
		}
		if (ts.isString()) {
			try {
				return Instant.parse(ts.stringValue());
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
		return null;
	}
}
