package vn.xaso.school;

import java.util.List;

/** Parents' phones of the commune's pupils born in the given years (for reminders, e.g. a vaccination campaign). */
public interface SchoolParents {

	List<String> parentPhones(String unitCode, int fromBirthYear, int toBirthYear);
}
