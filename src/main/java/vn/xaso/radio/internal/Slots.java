package vn.xaso.radio.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Daily broadcast slots ("06:00", "17:00"), in Vietnam time. */
public final class Slots {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private Slots() {
	}

	/** Parses "06:00, 17:00" (any separators): sorted, unique; empty if any part is not a time HH:mm. */
	public static Optional<List<String>> parse(String text) {
		var set = new TreeSet<String>();
		for (var part : text.split("[,;\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			if (!part.matches("\\d{1,2}[:h]\\d{2}")) {
				return Optional.empty();
			}
			try {
				var t = LocalTime.parse((part.length() == 4 ? "0" + part : part).replace('h', ':'));
				set.add(t.toString());
			}
			catch (DateTimeParseException e) {
				return Optional.empty();
			}
		}
		return set.isEmpty() || set.size() > 12 ? Optional.empty() : Optional.of(List.copyOf(set));
	}

	/** The first slot strictly after {@code now}. */
	public static Instant next(List<String> slots, Instant now) {
		var local = now.atZone(VIETNAM);
		Instant best = null;
		for (var s : slots) {
			var time = LocalTime.parse(s);
			var candidate = local.toLocalDate().atTime(time).atZone(VIETNAM);
			if (!candidate.toInstant().isAfter(now)) {
				candidate = candidate.plusDays(1);
			}
			if (best == null || candidate.toInstant().isBefore(best)) {
				best = candidate.toInstant();
			}
		}
		if (best == null) {
			throw new IllegalArgumentException("no slots");
		}
		return best;
	}
}
