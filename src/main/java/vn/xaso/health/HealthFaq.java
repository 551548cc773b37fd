package vn.xaso.health;

import java.time.Instant;
import java.util.List;

/**
 * The station's public notices (its vaccination and screening rounds) and its public answers: questions the asker allowed to publish and a doctor published, without any name;
 * found without diacritics (every word, in any order). Read in the scope of the one commune asked for.
 */
public interface HealthFaq {

	List<Entry> search(String unitCode, String q, int limit);

	/** A published question with its thread ({@code authorName}s left out). */
	java.util.Optional<Question> entry(String unitCode, long questionId);

	record Entry(long id, String title, String excerpt, Instant answeredAt) {
	}

	/** The station's public notices: its vaccination and screening rounds from a week ago on, soonest first. */
	List<StationNotice> notices(String unitCode, int limit);

	/** A round of the station as announced to everyone (no list of people). */
	record StationNotice(String name, String place, java.time.LocalDate startsOn) {
	}
}
