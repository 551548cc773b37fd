package vn.xaso.meetings.internal;

import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingStageChanged;
import vn.xaso.meetings.MeetingsException;

/**
 * Attendance: an invitee checks in at the door by opening their personal link (the QR on their meeting page or in
 * their invitation) — on their own phone, or scanned by the secretary's —, or the secretary (or an organiser, or the
 * chair) marks them present or absent. The quorum is counted from it.
 */
@Service
public class TakingAttendance {

	/** Whose check-in link this is, for the confirmation page. */
	public record CheckIn(Meeting meeting, Meeting.Invitee invitee) {
	}

	private final MeetingAccess access;
	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final MeetingWork work;

	TakingAttendance(MeetingAccess access, MeetingTable meetings, InviteeTable invitees, MeetingWork work) {
		this.access = access;
		this.meetings = meetings;
		this.invitees = invitees;
		this.work = work;
	}

	/** The link's meeting and invitee, for the invitee themself or whoever runs the meeting; otherwise "not found". */
	public CheckIn look(OfficialPrincipal me, String token) {
		return work.inTx(() -> find(me, token));
	}

	/** Checks in the link's invitee. True when they were not checked in before (a repeat changes nothing). */
	public boolean checkIn(OfficialPrincipal me, String token) {
		return work.inTx(() -> {
			var found = find(me, token);
			var record = new MeetingRecord(meetings.lock(me.unitCode(), found.meeting().id()).orElseThrow());
			record.require(MeetingRecord.Step.CHECK_IN);
			var invitee = found.invitee();
			boolean delegate = invitee.reply() == Meeting.Reply.DELEGATE && !invitee.username().equals(me.username());
			boolean changed = invitees.attendance(found.meeting().id(), invitee.username(), true, delegate, me.username(), work.now());
			if (changed) {
				work.audit(me.unitCode(), me.username(), "meetings.invitee.checkedIn", "meeting", found.meeting().id(),
						invitee.username() + (delegate ? " by delegate " + invitee.delegateName() : "") + " (QR)");
				work.publish(new MeetingStageChanged(me.unitCode(), found.meeting().id()));
			}
			return changed;
		});
	}

	/** The secretary (or an organiser, or the chair) marks an invitee present or not. */
	public void mark(OfficialPrincipal me, long meetingId, String username, boolean present) {
		mark(me, meetingId, username, present, false);
	}

	/**
	 * The secretary (or an organiser, or the chair) marks an invitee present or not; {@code delegate}: present through
	 * the delegate the invitee named in their reply (refused when they named none).
	 */
	public void mark(OfficialPrincipal me, long meetingId, String username, boolean present, boolean delegate) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			record.require(MeetingRecord.Step.CHECK_IN);
			var invitee = invitees.find(meetingId, username).orElseThrow(() -> new MeetingsException("username", "meetings.error.notInvitee"));
			if (delegate && invitee.reply() != Meeting.Reply.DELEGATE) {
				throw new MeetingsException("username", "meetings.error.noDelegate", invitee.fullName());
			}
			if (invitees.attendance(meetingId, username, present, delegate, me.username(), work.now())) {
				work.audit(me.unitCode(), me.username(), present ? "meetings.invitee.checkedIn" : "meetings.invitee.markedAbsent", "meeting",
						meetingId, username + (present && delegate ? " by delegate " + invitee.delegateName() : "") + " (secretary)");
				work.publish(new MeetingStageChanged(me.unitCode(), meetingId));
			}
		});
	}

	public Meeting.Quorum quorum(Meeting m) {
		return work.inTx(() -> MeetingRecord.quorum(m.kind(), invitees.members(m.id()), invitees.present(m.id())));
	}

	private CheckIn find(OfficialPrincipal me, String token) {
		var t = invitees.byToken(me.unitCode(), token == null ? "" : token)
			.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting"));
		var m = meetings.find(me.unitCode(), t.meetingId()).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting"));
		if (!t.username().equals(me.username()) && !new MeetingRecord(m).runBy(me)) {
			throw new MeetingsException(null, "meetings.error.noMeeting");
		}
		return new CheckIn(m, invitees.find(m.id(), t.username()).orElseThrow());
	}
}
