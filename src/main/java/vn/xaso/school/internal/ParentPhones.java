package vn.xaso.school.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.school.SchoolParents;

/** Parents' phones of the commune's pupils born in the given years, read in the scope of that commune. */
@Service
class ParentPhones implements SchoolParents {

	private final PupilTable pupils;
	private final SchoolWork work;

	ParentPhones(PupilTable pupils, SchoolWork work) {
		this.pupils = pupils;
		this.work = work;
	}

	@Override
	public List<String> parentPhones(String unitCode, int fromBirthYear, int toBirthYear) {
		return work.asUnit(unitCode, () -> pupils.parentPhones(unitCode, fromBirthYear, toBirthYear));
	}

	@Override
	public List<String> communesOfParent(String phone) {
		return work.asParent(() -> pupils.communesOfParent(phone));
	}
}
