package vn.xaso.insights.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.web.Form;

/** The period a dashboard shows: from/to (yyyy-MM-dd), default this year to today (Vietnam time). */
public record Period(LocalDate from, LocalDate to) {

	static final int MAX_DAYS = 3 * 366;

	/** {@code text}: a message of the insights bundle in the reader's language. */
	static Period parse(@Nullable String fromText, @Nullable String toText, Form form, java.time.Clock clock, Function<String, String> text) {
		var today = LocalDate.now(clock.withZone(MetricEvent.VIETNAM));
		var from = date(fromText, form, "from", text);
		var to = date(toText, form, "to", text);
		if (to == null) {
			to = today;
		}
		if (from == null) {
			from = to.withDayOfYear(1);
		}
		if (from.isAfter(to)) {
			form.reject("from", text.apply("insights.error.periodOrder"));
			from = to.withDayOfYear(1);
		}
		else if (from.plusDays(MAX_DAYS).isBefore(to)) {
			form.reject("from", text.apply("insights.error.periodLong"));
			from = to.minusDays(MAX_DAYS);
		}
		// The date fields show the period in use (a default one too); a date the person mistyped stays as typed.
		if (form.error("from") == null) {
			form.value("from", from.toString());
		}
		if (form.error("to") == null) {
			form.value("to", to.toString());
		}
		return new Period(from, to);
	}

	private static @Nullable LocalDate date(@Nullable String value, Form form, String field, Function<String, String> text) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var date = LocalDate.parse(value.strip());
			if (date.getYear() < 2000 || date.getYear() > 2100) {
				form.reject(field, text.apply("insights.error.year"));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			form.reject(field, text.apply("insights.error.date"));
			return null;
		}
	}

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** The first day as people write it, 01/01/2026 (issue 21: dashboards say which period they cover). */
	public String fromText() {
		return DAY.format(from);
	}

	public String toText() {
		return DAY.format(to);
	}

	public String query() {
		return "from=" + from + "&to=" + to;
	}
}
