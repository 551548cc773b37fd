package vn.xaso.health;

import java.time.Instant;
import java.util.List;

/**
 * The station's public answers: questions the asker allowed to publish and a doctor published, without any name;
 * found without diacritics (every word, in any order). Read in the scope of the one commune asked for.
 */
public interface HealthFaq {

	List<Entry> search(String unitCode, String q, int limit);

	/** A published question with its thread ({@code authorName}s left out). */
	java.util.Optional<Question> entry(String unitCode, long questionId);

	record Entry(long id, String title, String excerpt, Instant answeredAt) {
	}
}
