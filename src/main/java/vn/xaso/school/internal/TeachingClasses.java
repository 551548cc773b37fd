package vn.xaso.school.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.PersonalData;
import vn.xaso.school.FeeOpened;
import vn.xaso.school.NoteWritten;
import vn.xaso.school.SchoolException;

/**
 * A teacher's classes (role TEACHER, only the classes they teach): the pupils and their parents' phones, the contact
 * book with the parents' replies, notes to one parent or the class, tuition fees and who has not paid.
 */
@Service
public class TeachingClasses {

	public record NewPupil(String fullName, String birthYear, String parentName, String parentPhone) {
	}

	public record ClassPage(SchoolViews.SchoolClass schoolClass, List<SchoolViews.Pupil> pupils, List<SchoolViews.Note> notes,
			List<SchoolViews.Reply> replies, List<SchoolViews.Fee> fees, List<SchoolViews.Charge> unpaid) {
	}

	private final SchoolTable schools;
	private final PupilTable pupils;
	private final ContactBookTable book;
	private final FeeTable fees;
	private final SchoolMetrics metrics;
	private final SchoolWork work;

	TeachingClasses(SchoolTable schools, PupilTable pupils, ContactBookTable book, FeeTable fees, SchoolMetrics metrics, SchoolWork work) {
		this.metrics = metrics;
		this.schools = schools;
		this.pupils = pupils;
		this.book = book;
		this.fees = fees;
		this.work = work;
	}

	public List<SchoolViews.SchoolClass> mine(OfficialPrincipal teacher) {
		check(teacher);
		return work.inTx(() -> schools.classesOf(teacher.unitCode(), teacher.username()));
	}

	public ClassPage page(OfficialPrincipal teacher, long classId) {
		return work.inTx(() -> {
			var c = own(teacher, classId);
			return new ClassPage(c, pupils.ofClass(classId), book.ofClass(classId), book.repliesOfClass(classId), fees.ofClass(classId),
					fees.unpaid(classId));
		});
	}

	public long addPupil(OfficialPrincipal teacher, long classId, NewPupil in) {
		var name = text(in.fullName());
		if (name.length() < 2 || name.length() > 100) {
			throw new SchoolException("fullName", "school.error.pupilName");
		}
		var year = in.birthYear() == null ? "" : in.birthYear().strip();
		if (!year.matches("(19|20)[0-9]{2}") || Integer.parseInt(year) < 1990) {
			throw new SchoolException("birthYear", "school.error.birthYear");
		}
		var parent = text(in.parentName());
		if (parent.length() < 2 || parent.length() > 100) {
			throw new SchoolException("parentName", "school.error.parentName");
		}
		var phone = PersonalData.normalisePhone(text(in.parentPhone()));
		if (phone == null || !phone.matches("0[0-9]{9}")) {
			throw new SchoolException("parentPhone", "school.error.phone");
		}
		return work.inTx(() -> {
			var c = own(teacher, classId);
			if (pupils.exists(classId, name, Integer.parseInt(year))) {
				throw new SchoolException("fullName", "school.error.pupilTaken");
			}
			long id = pupils.insert(c.unitCode(), classId, name, Integer.parseInt(year), parent, phone);
			metrics.pupilAdded(id);
			work.audit(c.unitCode(), teacher.username(), "school.pupil.added", "pupil", id, c.name());
			return id;
		});
	}

	/** A note to one pupil's parent ({@code pupilId}) or, when blank, to every parent of the class. */
	public long writeNote(OfficialPrincipal teacher, long classId, @Nullable String pupilId, String text) {
		var body = text == null ? "" : text.strip();
		if (body.length() < 2 || body.length() > 2000) {
			throw new SchoolException("body", "school.error.note");
		}
		Long pupil = pupilId == null || pupilId.isBlank() ? null : pupilId.strip().matches("[0-9]{1,12}") ? Long.valueOf(pupilId.strip()) : -1L;
		return work.inTx(() -> {
			var c = own(teacher, classId);
			if (pupil != null && pupils.inClass(classId, pupil).isEmpty()) {
				throw new SchoolException("pupilId", "school.error.pupilChoice");
			}
			long id = book.insertNote(c.unitCode(), classId, pupil, teacher.username(), teacher.fullName(), body);
			metrics.noteWritten(id);
			work.audit(c.unitCode(), teacher.username(), "school.note.written", "note", id, pupil == null ? "class" : "pupil " + pupil);
			work.publish(new NoteWritten(c.unitCode(), id, classId, pupil));
			return id;
		});
	}

	/** A fee for every pupil of the class now (tuition of a month or term): each parent pays their child's by VietQR. */
	public long openFee(OfficialPrincipal teacher, long classId, String title, String amount) {
		var t = text(title);
		if (t.length() < 3 || t.length() > 150) {
			throw new SchoolException("title", "school.error.feeTitle");
		}
		var digits = amount == null ? "" : amount.replaceAll("[ .,]", "");
		if (!digits.matches("[0-9]{4,9}") || Long.parseLong(digits) < 1000 || Long.parseLong(digits) > 100_000_000) {
			throw new SchoolException("amount", "school.error.amount");
		}
		return work.inTx(() -> {
			var c = own(teacher, classId);
			if (fees.titleTaken(classId, t)) {
				throw new SchoolException("title", "school.error.feeTaken");
			}
			long id = fees.insert(c.unitCode(), classId, t, Long.parseLong(digits), teacher.username());
			work.audit(c.unitCode(), teacher.username(), "school.fee.opened", "fee", id, t + " " + digits + " VND");
			work.publish(new FeeOpened(c.unitCode(), id, classId));
			return id;
		});
	}

	/** The school received a pupil's charge in cash: marked paid (not by VietQR); a paid charge stays as it was. */
	public void markCash(OfficialPrincipal teacher, long classId, long chargeId) {
		work.inTx(() -> {
			var c = own(teacher, classId);
			var found = fees.lock(chargeId).filter(x -> pupils.inClass(classId, x.pupilId()).isPresent())
				.orElseThrow(() -> new SchoolException(null, "school.error.noFee"));
			var charge = new TuitionCharge(found);
			if (charge.payCash(work.now())) {
				fees.save(charge);
				metrics.chargePaid(chargeId);
				work.audit(c.unitCode(), teacher.username(), "school.charge.cash", "charge", chargeId, found.amountVnd() + " VND");
			}
			return null;
		});
	}

	private SchoolViews.SchoolClass own(OfficialPrincipal teacher, long classId) {
		return own(schools, teacher, classId);
	}

	/** The teacher's own class (role TEACHER, teaching it, in their commune), or "not found". */
	static SchoolViews.SchoolClass own(SchoolTable schools, OfficialPrincipal teacher, long classId) {
		check(teacher);
		return schools.schoolClass(classId).filter(c -> c.unitCode().equals(teacher.unitCode()) && c.teacher().equals(teacher.username()))
			.orElseThrow(() -> new SchoolException(null, "school.error.noClass"));
	}

	static void check(OfficialPrincipal teacher) {
		if (!teacher.has(Role.TEACHER)) {
			throw new SchoolException(null, "school.error.teacherOnly");
		}
	}

	static String text(@Nullable String s) {
		return s == null ? "" : s.strip().replaceAll("\\s+", " ");
	}
}
