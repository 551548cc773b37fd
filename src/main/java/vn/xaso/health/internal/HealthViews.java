package vn.xaso.health.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.xaso.health.Question;

/** What the health pages show: lines of the question lists and campaigns (read by the SQL adapters). */
public final class HealthViews {

	private HealthViews() {
	}

	/** One line of a list: the station's or the asker's. */
	public record Line(long id, String unitCode, String title, boolean urgent, Question.Status status, Instant askedAt,
			@Nullable Instant answeredAt, boolean published) {
	}

	public record Campaign(long id, String unitCode, String name, String place, LocalDate startsOn, @Nullable Instant remindedAt, int people,
			int attended) {
	}

	public record Person(long id, String phone, @Nullable Instant attendedAt) {
	}
}
