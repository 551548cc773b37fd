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

	public record Book(SchoolViews.Pupil pupil, List<SchoolViews.Note> notes, List<SchoolViews.Reply> replies,
			List<SchoolViews.Charge> charges) {
	}

	private final PupilTable pupils;
	private final ContactBookTable book;
	private final FeeTable fees;
	private final Citizens citizens;
	private final SchoolWork work;

	ReadingContactBook(PupilTable pupils, ContactBookTable book, FeeTable fees, Citizens citizens, SchoolWork work) {
		this.pupils = pupils;
		this.book = book;
		this.fees = fees;
		this.citizens = citizens;
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

	public Book book(CitizenPrincipal parent, long pupilId) {
		return work.asParent(() -> {
			var pupil = child(parent, pupilId);
			return new Book(pupil, book.forPupil(pupil.classId(), pupilId), book.repliesForPupil(pupilId), fees.ofPupil(pupilId));
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
			work.audit(pupil.unitCode(), parent.getName(), "school.reply.written", "reply", id, "note " + note);
			work.publish(new ReplyWritten(pupil.unitCode(), id, note, pupilId));
			return id;
		});
	}

	/** The parent's child, or "not found" (also for a citizen without a verified phone). */
	SchoolViews.Pupil child(CitizenPrincipal parent, long pupilId) {
		var phone = citizens.verifiedPhone(parent.id()).orElseThrow(() -> new SchoolException(null, "school.error.noPupil"));
		return pupils.ofParent(phone, pupilId).orElseThrow(() -> new SchoolException(null, "school.error.noPupil"));
	}
}
