package vn.xaso.school.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;
import vn.xaso.school.FeeOpened;
import vn.xaso.school.NoteWritten;
import vn.xaso.school.PupilMarkedAbsent;

/**
 * Tells parents who confirmed the link (and did not withdraw) on their chosen channels: a note to them or their
 * child's class, a new fee, their child marked absent. Each notice has its own key (note, fee or day, and the pupil),
 * so a retried event never sends it twice; a parent who has not confirmed gets nothing.
 */
@Component
class SchoolNotices {

	private final ApplicationEventPublisher events;
	private final PupilTable pupils;
	private final FeeTable fees;
	private final SchoolWork work;

	SchoolNotices(ApplicationEventPublisher events, PupilTable pupils, FeeTable fees, SchoolWork work) {
		this.events = events;
		this.pupils = pupils;
		this.fees = fees;
		this.work = work;
	}

	@ApplicationModuleListener
	void on(NoteWritten note) {
		work.asUnit(note.unitCode(), () -> {
			var to = note.pupilId() == null ? pupils.ofClass(note.classId())
					: pupils.inClass(note.classId(), note.pupilId()).map(List::of).orElse(List.of());
			to.forEach(p -> send(p, "notify.school.note", Map.of(), "school-note-" + note.noteId()));
			return null;
		});
	}

	@ApplicationModuleListener
	void on(FeeOpened fee) {
		work.asUnit(fee.unitCode(), () -> {
			var byPupil = new java.util.HashMap<Long, SchoolViews.Charge>();
			fees.ofFee(fee.feeId()).forEach(c -> byPupil.put(c.pupilId(), c));
			pupils.ofClass(fee.classId()).stream().filter(p -> byPupil.containsKey(p.id())).forEach(p -> send(p, "notify.school.fee",
					Map.of("fee", byPupil.get(p.id()).title(), "amount", String.format(java.util.Locale.ROOT, "%,d", byPupil.get(p.id()).amountVnd())
						.replace(',', '.')), "school-fee-" + fee.feeId()));
			return null;
		});
	}

	@ApplicationModuleListener
	void on(PupilMarkedAbsent absent) {
		work.asUnit(absent.unitCode(), () -> {
			pupils.byId(absent.pupilId()).ifPresent(p -> send(p, "notify.school.absent", Map.of("day", String.format("%02d/%02d/%d",
					absent.day().getDayOfMonth(), absent.day().getMonthValue(), absent.day().getYear())), "school-absent-" + absent.day()));
			return null;
		});
	}

	private void send(SchoolViews.Pupil pupil, String template, Map<String, String> params, String key) {
		if (!pupil.confirmed()) {
			return;
		}
		var all = new java.util.HashMap<>(params);
		all.put("pupil", pupil.fullName());
		all.put("class", pupil.className());
		events.publishEvent(new Notice(pupil.unitCode(), Recipient.citizen(pupil.parentCitizenId()), template, all, key + "-" + pupil.id(),
				"/citizen/so-lien-lac/" + pupil.id()));
	}
}
