package vn.xaso.school.internal;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.Citizens;
import vn.xaso.school.ReplyWritten;
import vn.xaso.school.SchoolException;

/**
 * A parent (a citizen signed in with the phone the school recorded) reads their children's contact books and
 * replies to a note. Another pupil's book, or a note to another pupil, is "not found": every statement names the
 * parent's verified phone and the one pupil.
 */
@Service
public class ReadingContactBook {

	/** One child's book; before the parent confirmed the link ({@code pupil.confirmed()} false) only the pupil, nothing else. */
	public record Book(SchoolViews.Pupil pupil, List<SchoolViews.Note> notes, List<SchoolViews.Reply> replies,
			List<SchoolViews.Charge> charges, List<SchoolViews.Mark> marks, List<SchoolViews.Result> results) {
	}

	/** Days of attendance marks a parent sees. */
	static final int MARK_DAYS = 60;

	private final PupilTable pupils;
	private final ContactBookTable book;
	private final FeeTable fees;
	private final Citizens citizens;
	private final PupilRecordTable records;
	private final SchoolMetrics metrics;
	private final SchoolWork work;

	ReadingContactBook(PupilTable pupils, ContactBookTable book, FeeTable fees, PupilRecordTable records, Citizens citizens,
			SchoolMetrics metrics, SchoolWork work) {
		this.pupils = pupils;
		this.book = book;
		this.fees = fees;
		this.records = records;
		this.citizens = citizens;
		this.metrics = metrics;
		this.work = work;
	}

	/** What waits for a parent: their children (for a one-tap link when there is one), unpaid charges, recent notes. */
	public record Waiting(List<SchoolViews.Pupil> children, long unpaid, long recentNotes) {
	}

	/** Unpaid charges of the parent's children and the notes to them (or their classes) of the last {@code days} days. */
	public Waiting waiting(CitizenPrincipal parent, int days) {
		var phone = citizens.verifiedPhone(parent.id());
		if (phone.isEmpty()) {
			return new Waiting(List.of(), 0, 0);
		}
		var since = work.now().minus(java.time.Duration.ofDays(days));
		return work.asParent(() -> {
			var children = pupils.ofParent(phone.get());
			return children.isEmpty() ? new Waiting(List.of(), 0, 0)
					: new Waiting(children, fees.unpaidOfParent(phone.get()), book.notesForParentSince(phone.get(), since));
		});
	}

	public List<SchoolViews.Pupil> children(CitizenPrincipal parent) {
		var phone = citizens.verifiedPhone(parent.id());
		return phone.isEmpty() ? List.of() : work.asParent(() -> pupils.ofParent(phone.get()));
	}

	/** The child's book (the notes in it marked read); only the consent step until the parent confirmed the link. */
	public Book book(CitizenPrincipal parent, long pupilId) {
		return work.asParent(() -> {
			var pupil = linked(parent, pupilId);
			if (!pupil.confirmed()) {
				return new Book(pupil, List.of(), List.of(), List.of(), List.of(), List.of());
			}
			book.markRead(pupil.unitCode(), pupil.classId(), pupilId).stream()
				.collect(java.util.stream.Collectors.groupingBy(d -> d, java.util.stream.Collectors.counting()))
				.forEach((day, n) -> metrics.read(pupil.unitCode(), day, n.intValue()));
			return new Book(pupil, book.forPupil(pupil.classId(), pupilId), book.repliesForPupil(pupilId), fees.ofPupil(pupilId),
					records.marksOfPupil(pupilId, work.today().minusDays(MARK_DAYS)), records.resultsOfPupil(pupilId));
		});
	}

	/**
	 * The parent confirms "I am this pupil's parent or guardian" and agrees to receive the school's notes (again after a
	 * withdrawal); recorded with who and when. Confirming twice changes nothing.
	 */
	public void confirm(CitizenPrincipal parent, long pupilId, boolean agreed) {
		if (!agreed) {
			throw new SchoolException("agree", "school.error.consent");
		}
		consent(parent, pupilId, true);
	}

	/** The parent withdraws: the book closes to them and the school's notices stop. Withdrawing twice changes nothing. */
	public void withdraw(CitizenPrincipal parent, long pupilId) {
		consent(parent, pupilId, false);
	}

	private void consent(CitizenPrincipal parent, long pupilId, boolean confirmed) {
		var phone = citizens.verifiedPhone(parent.id()).orElseThrow(() -> new SchoolException(null, "school.error.noPupil"));
		work.asParent(() -> {
			var pupil = pupils.lockOfParent(phone, pupilId).orElseThrow(() -> new SchoolException(null, "school.error.noPupil"));
			if (pupil.confirmed() == confirmed) {
				return null;
			}
			pupils.consent(pupil.unitCode(), pupilId, parent.id(), confirmed);
			metrics.consented(pupilId);
			work.audit(pupil.unitCode(), parent.getName(), confirmed ? "school.consent.confirmed" : "school.consent.withdrawn", "pupil",
					pupilId, "citizen " + parent.id());
			return null;
		});
	}

	public long reply(CitizenPrincipal parent, long pupilId, String noteId, String text) {
		var body = text == null ? "" : text.strip();
		if (body.length() < 2 || body.length() > 2000) {
			throw new SchoolException("body", "school.error.reply");
		}
		long note = noteId != null && noteId.matches("[0-9]{1,12}") ? Long.parseLong(noteId) : 0;
		return work.asParent(() -> {
			var pupil = child(parent, pupilId);
			if (!book.readableFor(note, pupil.classId(), pupilId)) {
				throw new SchoolException(null, "school.error.noNote");
			}
			long id = book.insertReply(pupil.unitCode(), note, pupilId, parent.id(), body);
			metrics.replied(id);
			work.audit(pupil.unitCode(), parent.getName(), "school.reply.written", "reply", id, "note " + note);
			work.publish(new ReplyWritten(pupil.unitCode(), id, note, pupilId));
			return id;
		});
	}

	/** The parent's child whose link they confirmed; "not found" for another's (or without a verified phone). */
	SchoolViews.Pupil child(CitizenPrincipal parent, long pupilId) {
		var pupil = linked(parent, pupilId);
		if (!pupil.confirmed()) {
			throw new SchoolException(null, "school.error.consentFirst");
		}
		return pupil;
	}

	/** A pupil linked to the parent's phone, confirmed or not; "not found" for another's. */
	private SchoolViews.Pupil linked(CitizenPrincipal parent, long pupilId) {
		var phone = citizens.verifiedPhone(parent.id()).orElseThrow(() -> new SchoolException(null, "school.error.noPupil"));
		return pupils.ofParent(phone, pupilId).orElseThrow(() -> new SchoolException(null, "school.error.noPupil"));
	}
}
