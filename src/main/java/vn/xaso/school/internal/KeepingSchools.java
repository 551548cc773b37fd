package vn.xaso.school.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;
import vn.xaso.school.SchoolException;

/**
 * The commune's administrator records its schools (with the account tuition is paid into, checked like any VietQR
 * payee) and their classes, each with its teacher's account.
 */
@Service
public class KeepingSchools {

	public record NewSchool(String name, String bankBin, String accountNumber, String accountName) {
	}

	public record NewClass(String schoolId, String name, String schoolYear, String teacher) {
	}

	public record Overview(List<SchoolViews.School> schools, List<SchoolViews.SchoolClass> classes) {
	}

	private final SchoolTable schools;
	private final Payments payments;
	private final Accounts accounts;
	private final SchoolWork work;

	KeepingSchools(SchoolTable schools, Payments payments, Accounts accounts, SchoolWork work) {
		this.schools = schools;
		this.payments = payments;
		this.accounts = accounts;
		this.work = work;
	}

	public Overview overview(OfficialPrincipal admin) {
		check(admin);
		return work.inTx(() -> new Overview(schools.schools(admin.unitCode()), schools.classes(admin.unitCode())));
	}

	public long addSchool(OfficialPrincipal admin, NewSchool in) {
		check(admin);
		var name = TeachingClasses.text(in.name());
		if (name.length() < 3 || name.length() > 150) {
			throw new SchoolException("name", "school.error.schoolName");
		}
		vn.xaso.payments.Payee account;
		try {
			account = payments.checkPayee(in.bankBin(), in.accountNumber(), in.accountName());
		}
		catch (PaymentException e) {
			throw new SchoolException(e.field().isEmpty() ? "accountNumber" : e.field(), "school.error.account");
		}
		return work.inTx(() -> {
			if (schools.schoolNameTaken(admin.unitCode(), name)) {
				throw new SchoolException("name", "school.error.schoolTaken");
			}
			long id = schools.insertSchool(admin.unitCode(), name, account, admin.username());
			work.audit(admin.unitCode(), admin.username(), "school.school.added", "school", id, name);
			return id;
		});
	}

	public long addClass(OfficialPrincipal admin, NewClass in) {
		check(admin);
		var name = TeachingClasses.text(in.name());
		if (name.isEmpty() || name.length() > 50) {
			throw new SchoolException("name", "school.error.className");
		}
		var year = TeachingClasses.text(in.schoolYear());
		if (!year.matches("20[0-9]{2}-20[0-9]{2}") || Integer.parseInt(year.substring(5)) != Integer.parseInt(year.substring(0, 4)) + 1) {
			throw new SchoolException("schoolYear", "school.error.schoolYear");
		}
		var teacher = TeachingClasses.text(in.teacher()).toLowerCase(java.util.Locale.ROOT);
		long schoolId = in.schoolId() != null && in.schoolId().matches("[0-9]{1,12}") ? Long.parseLong(in.schoolId()) : 0;
		return work.inTx(() -> {
			schools.school(admin.unitCode(), schoolId).orElseThrow(() -> new SchoolException("schoolId", "school.error.schoolChoice"));
			if (teacher.isEmpty() || !isTeacher(admin, teacher)) {
				throw new SchoolException("teacher", "school.error.teacher");
			}
			if (schools.classNameTaken(schoolId, year, name)) {
				throw new SchoolException("name", "school.error.classTaken");
			}
			long id = schools.insertClass(admin.unitCode(), schoolId, name, year, teacher);
			work.audit(admin.unitCode(), admin.username(), "school.class.added", "class", id, name + " " + year + " " + teacher);
			return id;
		});
	}

	/** An active account of the commune holding the TEACHER role. */
	private boolean isTeacher(OfficialPrincipal admin, String username) {
		return accounts.list(admin.unitCode(), username, 0, 20).items().stream()
			.anyMatch(a -> a.username().equals(username) && a.active() && a.roles().contains(Role.TEACHER));
	}

	static void check(OfficialPrincipal admin) {
		if (!admin.has(Role.ADMIN)) {
			throw new SchoolException(null, "school.error.adminOnly");
		}
	}
}
