package vn.xaso.school.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.school.PupilMarkedAbsent;
import vn.xaso.school.SchoolException;

/**
 * A teacher's daily attendance of their class: everyone present unless ticked absent or late (with a reason); an
 * absence (new that day) tells the parent. At the gate the teacher's phone scans a pupil's card (its code only, never a
 * name or id) and marks the arrival — once: a second scan changes nothing; a pupil ticked absent who then arrives is late.
 */
@Service("schoolAttendance")
public class TakingAttendance {

	public record Day(SchoolViews.SchoolClass schoolClass, LocalDate day, List<SchoolViews.Pupil> pupils, Map<Long, SchoolViews.Mark> marks) {
	}

	/** One pupil's tick as posted: PRESENT, ABSENT or LATE, and the reason. */
	public record Tick(@Nullable String status, @Nullable String reason) {
	}

	/** A scanned card: the pupil, and whether this scan marked the arrival (false: it was marked before). */
	public record Arrival(SchoolViews.Pupil pupil, boolean marked) {
	}

	private final SchoolTable schools;
	private final PupilTable pupils;
	private final PupilRecordTable records;
	private final SchoolWork work;

	TakingAttendance(SchoolTable schools, PupilTable pupils, PupilRecordTable records, SchoolWork work) {
		this.schools = schools;
		this.pupils = pupils;
		this.records = records;
		this.work = work;
	}

	public Day today(OfficialPrincipal teacher, long classId) {
		return work.inTx(() -> {
			var c = TeachingClasses.own(schools, teacher, classId);
			var day = work.today();
			var marks = new java.util.HashMap<Long, SchoolViews.Mark>();
			records.marksOfClass(classId, day).forEach(m -> marks.put(m.pupilId(), m));
			return new Day(c, day, pupils.ofClass(classId), marks);
		});
	}

	/** Today's ticks by pupil id; a pupil of the class without a tick is left as it was, ids of other pupils are ignored. */
	public void mark(OfficialPrincipal teacher, long classId, Map<Long, Tick> ticks) {
		for (var e : ticks.entrySet()) {
			var status = status(e.getValue().status());
			if (status == null) {
				throw new SchoolException(null, "school.error.status");
			}
			if (TeachingClasses.text(e.getValue().reason()).length() > 200) {
				throw new SchoolException(null, "school.error.reason");
			}
		}
		work.inTx(() -> {
			var c = TeachingClasses.own(schools, teacher, classId);
			var day = work.today();
			for (var pupil : pupils.ofClass(classId)) {
				var tick = ticks.get(pupil.id());
				if (tick == null) {
					continue;
				}
				var status = status(tick.status());
				var before = records.lock(pupil.id(), day);
				var was = before.map(SchoolViews.Mark::status).orElse("PRESENT");
				if ("PRESENT".equals(status)) {
					if (was.equals("ABSENT") || was.equals("LATE") && before.get().arrivedAt() == null) {
						records.clear(pupil.id(), day);
					}
					continue;
				}
				var reason = TeachingClasses.text(tick.reason());
				if (was.equals(status) && before.get().reason().equals(reason)) {
					continue;
				}
				records.put(c.unitCode(), classId, pupil.id(), day, status, reason, null, teacher.username());
				if (status.equals("ABSENT") && !was.equals("ABSENT")) {
					work.publish(new PupilMarkedAbsent(c.unitCode(), pupil.id(), day));
				}
			}
			work.audit(c.unitCode(), teacher.username(), "school.attendance.marked", "class", classId, day.toString());
			return null;
		});
	}

	/** The pupil whose card carries {@code code}, in one of the teacher's classes; "not found" otherwise. */
	public SchoolViews.Pupil card(OfficialPrincipal teacher, String code) {
		var token = token(code);
		return work.inTx(() -> {
			TeachingClasses.check(teacher);
			return pupils.byCard(teacher.unitCode(), teacher.username(), token).orElseThrow(() -> new SchoolException("code", "school.error.card"));
		});
	}

	/** The card was scanned at the gate: the pupil arrived today (once). */
	public Arrival arrive(OfficialPrincipal teacher, String code) {
		var token = token(code);
		return work.inTx(() -> {
			TeachingClasses.check(teacher);
			var pupil = pupils.byCard(teacher.unitCode(), teacher.username(), token).orElseThrow(() -> new SchoolException("code", "school.error.card"));
			var day = work.today();
			var before = records.lock(pupil.id(), day);
			if (before.isPresent() && before.get().arrivedAt() != null) {
				return new Arrival(pupil, false);
			}
			var status = before.isEmpty() ? "ARRIVED" : "LATE";
			records.put(pupil.unitCode(), pupil.classId(), pupil.id(), day, status, before.map(SchoolViews.Mark::reason).orElse(""), work.now(),
					teacher.username());
			work.audit(pupil.unitCode(), teacher.username(), "school.attendance.arrived", "pupil", pupil.id(), day.toString());
			return new Arrival(pupil, true);
		});
	}

	/** The class's pupils for their cards (each card's QR holds the pupil's code only). */
	public Day cards(OfficialPrincipal teacher, long classId) {
		return work.inTx(() -> new Day(TeachingClasses.own(schools, teacher, classId), work.today(), pupils.ofClass(classId), Map.of()));
	}

	private static String token(@Nullable String code) {
		var t = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		if (!t.matches("[0-9A-F]{12}")) {
			throw new SchoolException("code", "school.error.card");
		}
		return t;
	}

	private static @Nullable String status(@Nullable String s) {
		return s != null && (s.equals("PRESENT") || s.equals("ABSENT") || s.equals("LATE")) ? s : null;
	}
}
