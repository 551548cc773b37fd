package vn.xaso.school;

import java.util.List;

/**
 * Parents' phones of the commune's pupils born in the given years (for reminders, e.g. a vaccination campaign), and the
 * communes of one parent's children.
 */
public interface SchoolParents {

	List<String> parentPhones(String unitCode, int fromBirthYear, int toBirthYear);

	/** Codes of the communes whose schools have a pupil with this parent's phone (for the parent's own pages). */
	List<String> communesOfParent(String phone);
}
