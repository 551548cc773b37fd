package vn.xaso.school;

import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.school.internal.KeepingSchools;
import vn.xaso.school.internal.TakingAttendance;
import vn.xaso.school.internal.TeachingClasses;

/** A Yên Mô school with a class of yenmo.giaovien, made through the use cases, for the school tests. */
public final class SchoolFixture {

	public static final String YEN_MO = "14701";
	/** The school's account: a VietinBank account number (the bank's notification must name it). */
	public static final String ACCOUNT = "102870123456";

	public static final OfficialPrincipal ADMIN = new OfficialPrincipal(0, "yenmo.admin", "Phạm Thị Hương", YEN_MO, "Xã Yên Mô",
			Set.of(Role.ADMIN), UnitScope.of(YEN_MO));
	public static final OfficialPrincipal TEACHER = new OfficialPrincipal(0, "yenmo.giaovien", "Trần Thị Hoa", YEN_MO, "Xã Yên Mô",
			Set.of(Role.TEACHER), UnitScope.of(YEN_MO));

	private final ApplicationContext context;

	public SchoolFixture(ApplicationContext context) {
		this.context = context;
	}

	/** A new school and class (names unique per call); returns the class id. */
	public long schoolClass(String tag) {
		var keeping = context.getBean(KeepingSchools.class);
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> {
			long school = keeping.addSchool(ADMIN, new KeepingSchools.NewSchool("Trường Tiểu học " + tag, "970415", ACCOUNT, "Truong Tieu hoc Yen Mo"));
			return keeping.addClass(ADMIN, new KeepingSchools.NewClass(String.valueOf(school), "3A", "2026-2027", "yenmo.giaovien"));
		});
	}

	public long pupil(long classId, String name, String parentPhone) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> context.getBean(TeachingClasses.class).addPupil(TEACHER, classId,
				new TeachingClasses.NewPupil(name, "2018", "Phụ huynh " + name, parentPhone)));
	}

	/** The code on the pupil's attendance card (as its QR carries it). */
	public String cardOf(long classId, long pupilId) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> context.getBean(TakingAttendance.class).cards(TEACHER, classId).pupils().stream().filter(p -> p.id() == pupilId).findFirst().orElseThrow().cardToken());
	}

	public static String tag() {
		return "Kiểm Thử " + Long.toString(System.nanoTime() % 10_000_000, 36);
	}
}
