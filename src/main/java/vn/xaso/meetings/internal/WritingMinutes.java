package vn.xaso.meetings.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.MinutesSigned;

/**
 * The minutes of a closed meeting: drafted from the record by whoever runs it (redrafted as often as needed until
 * someone signed), with the secretary's own text added before signing, then signed by the secretary and the chair,
 * each with their own signing identity and password; every signature is an incremental update of the same PDF, so
 * both stay valid. Once both signed, every invitee is sent the minutes' link through notify, once.
 */
@Service
public class WritingMinutes {

	/** Where the minutes stand, for the meeting page. */
	public record State(java.time.Instant draftedAt, boolean chairSigned, boolean secretarySigned, @Nullable String notes,
			java.time.@Nullable Instant publishedAt) {
	}

	/** A version of the minutes' text: drafted from the record, or rewritten by the secretary; who wrote it and when. */
	public record Version(int version, boolean rewritten, String body, String by, java.time.Instant at) {
	}

	private final MeetingAccess access;
	private final MinutesTable minutes;
	private final MinutesPdf pdf;
	private final MinutesSigner signer;
	private final InviteeTable invitees;
	private final MeetingNotices notices;
	private final MeetingWork work;

	WritingMinutes(MeetingAccess access, MinutesTable minutes, MinutesPdf pdf, MinutesSigner signer, InviteeTable invitees,
			MeetingNotices notices, MeetingWork work) {
		this.access = access;
		this.minutes = minutes;
		this.pdf = pdf;
		this.signer = signer;
		this.invitees = invitees;
		this.notices = notices;
		this.work = work;
	}

	public void draft(OfficialPrincipal me, long meetingId) {
		work.run(() -> {
			var record = access.visible(me, meetingId, true);
			record.requireRunner(me);
			record.require(MeetingRecord.Step.MINUTES);
			var current = minutes.lock(meetingId);
			if (current.map(MinutesTable.Minutes::signedByAnyone).orElse(false)) {
				throw new MeetingsException(null, "meetings.error.minutesSigned");
			}
			var now = work.now();
			var draft = pdf.render(record.meeting(), current.map(MinutesTable.Minutes::notes).orElse(null), now);
			minutes.draft(me.unitCode(), meetingId, draft.pdf(), me.username(), now);
			minutes.addVersion(me.unitCode(), meetingId, draft.body(), false, me.username(), now);
			work.audit(me.unitCode(), me.username(), "meetings.minutes.drafted", "meeting", meetingId, "minutes drafted");
		});
	}

	/**
	 * The secretary's own text in the minutes (other opinions, remarks; up to 8,000 characters, empty to remove it),
	 * before anyone signed: the minutes are redrafted with it.
	 */
	public void edit(OfficialPrincipal me, long meetingId, @Nullable String notes) {
		work.run(() -> {
			var record = access.visible(me, meetingId, true);
			var current = unsigned(me, record, "meetings.error.minutesSigned");
			var text = Entry.optional("notes", notes, 8000, "meetings.error.minutesNotes");
			var now = work.now();
			var latest = minutes.versions(meetingId).stream().findFirst().filter(Version::rewritten);
			var made = latest.isPresent() ? pdf.rewritten(record.meeting(), latest.get().body(), text, now) : pdf.render(record.meeting(), text, now).pdf();
			minutes.notes(meetingId, text, made, me.username(), now);
			work.audit(me.unitCode(), me.username(), "meetings.minutes.edited", "meeting", meetingId,
					text == null ? "secretary's text removed" : "secretary's text: " + text.length() + " characters");
		});
	}

	/**
	 * The secretary rewrites the drafted text of the minutes (20 to 60,000 characters, one paragraph per line) before
	 * anyone signed: kept as a new version, the PDF made again from it; once signed, refused.
	 */
	public void rewrite(OfficialPrincipal me, long meetingId, @Nullable String body) {
		work.run(() -> {
			var record = access.visible(me, meetingId, true);
			var current = unsigned(me, record, "meetings.error.minutesLocked");
			var text = Entry.text("body", body, 20, 60000, "meetings.error.minutesBody").replace("\r\n", "\n");
			var now = work.now();
			minutes.pdf(meetingId, pdf.rewritten(record.meeting(), text, current.notes(), now), me.username(), now);
			minutes.addVersion(me.unitCode(), meetingId, text, true, me.username(), now);
			work.audit(me.unitCode(), me.username(), "meetings.minutes.rewritten", "meeting", meetingId, "text rewritten: " + text.length() + " characters");
		});
	}

	/** The drafted minutes under their lock, for the secretary only, while nobody signed (else {@code signedKey}). */
	private MinutesTable.Minutes unsigned(OfficialPrincipal me, MeetingRecord record, String signedKey) {
		if (!record.meeting().recordedBy(me.username())) {
			throw new MeetingsException(null, "meetings.error.secretaryOnly");
		}
		record.require(MeetingRecord.Step.MINUTES);
		var current = minutes.lock(record.meeting().id()).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMinutes"));
		if (current.signedByAnyone()) {
			throw new MeetingsException(null, signedKey);
		}
		return current;
	}

	/** The versions of the minutes' text, newest first (for whoever reaches the meeting). */
	public java.util.List<Version> versions(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> {
			access.visible(me, meetingId, false);
			return minutes.versions(meetingId);
		});
	}

	/** The chair or the secretary signs with their own signing identity; the second signature sends the minutes out. */
	public void sign(OfficialPrincipal me, long meetingId, char @Nullable [] password) {
		work.run(() -> {
			var record = access.visible(me, meetingId, true);
			var m = record.meeting();
			boolean chair = m.chairedBy(me.username());
			if (!chair && !m.recordedBy(me.username())) {
				throw new MeetingsException(null, "meetings.error.signerOnly");
			}
			record.require(MeetingRecord.Step.MINUTES);
			var current = minutes.lock(meetingId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMinutes"));
			if ((chair ? current.chairSignedAt() : current.secretarySignedAt()) != null) {
				throw new MeetingsException(null, "meetings.error.alreadySigned");
			}
			var now = work.now();
			var signed = signer.sign(me.unitCode(), me.username(), current.pdf(), chair ? MinutesPdf.CHAIR_BOX : MinutesPdf.SECRETARY_BOX,
					password, now);
			minutes.signed(meetingId, signed, chair, now);
			boolean complete = chair ? current.secretarySignedAt() != null : current.chairSignedAt() != null;
			work.audit(me.unitCode(), me.username(), "meetings.minutes.signed", "meeting", meetingId,
					(chair ? "chair" : "secretary") + (complete ? "; signed by both" : ""));
			if (complete && minutes.published(meetingId, now)) {
				int reached = 0;
				for (var person : invitees.list(meetingId)) {
					if (notices.minutes(m, person)) {
						reached++;
					}
				}
				work.audit(me.unitCode(), me.username(), "meetings.minutes.published", "meeting", meetingId, reached + " invitees notified");
			}
			work.publish(new MinutesSigned(me.unitCode(), meetingId, me.username(), complete));
		});
	}

	public Optional<byte[]> pdf(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> {
			access.visible(me, meetingId, false);
			return minutes.find(meetingId).map(MinutesTable.Minutes::pdf);
		});
	}

	public Optional<State> state(long meetingId) {
		return work.inTx(() -> minutes.find(meetingId)
			.map(x -> new State(x.draftedAt(), x.chairSignedAt() != null, x.secretarySignedAt() != null, x.notes(), x.publishedAt())));
	}

}
