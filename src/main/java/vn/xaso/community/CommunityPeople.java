package vn.xaso.community;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The people of a commune's households by their year of birth, for other modules' lists (health's vaccination and
 * screening campaigns): each household's head (name and year as recorded) and the members written "name (year)" in
 * its members line. Read in the caller's scope (the commune's own officials); nothing is changed.
 */
public interface CommunityPeople {

	/** At most this many people are returned. */
	int LIMIT = 5000;

	/**
	 * People of {@code unitCode}'s households born from {@code fromYear} to {@code toYear} (both included), by village,
	 * household and order in it; at most {@link #LIMIT}.
	 */
	List<Person> membersBornBetween(String unitCode, int fromYear, int toYear);

	/**
	 * One person. {@code id}: stable while the household's line is unchanged ("household id-position", 0 the head);
	 * {@code phone}: the household's phone when a citizen account has it (the citizen signs in with it), else null.
	 */
	record Person(String id, String name, int birthYear, long householdId, String headName, String village, @Nullable String phone) {
	}
}
