package vn.xaso.school;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.school.internal.TeachingClasses;
import vn.xaso.security.AccessControlFixture;

/** A class of yenmo.giaovien with a pupil of another citizen (0988000002) and their unpaid charge, for school.tsv. */
public class SchoolAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var fixture = new SchoolFixture(context);
		long classId = fixture.schoolClass(SchoolFixture.tag());
		long pupil = fixture.pupil(classId, "Nguyễn Minh Khang", "0988000002");
		var teaching = context.getBean(TeachingClasses.class);
		long charge = Tenancy.callAs(UnitScope.of(SchoolFixture.YEN_MO), () -> {
			teaching.openFee(SchoolFixture.TEACHER, classId, "Học phí kiểm soát truy cập", "150000");
			return teaching.page(SchoolFixture.TEACHER, classId).unpaid().getFirst().id();
		});
		var card = fixture.cardOf(classId, pupil);
		return Map.of("{school.class}", String.valueOf(classId), "{school.pupil}", String.valueOf(pupil), "{school.charge}",
				String.valueOf(charge), "{school.card}", card);
	}
}
