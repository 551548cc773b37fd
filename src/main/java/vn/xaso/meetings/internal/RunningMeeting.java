package vn.xaso.meetings.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingStageChanged;
import vn.xaso.meetings.MeetingsException;

/** Whoever runs the meeting (an organiser, the chair, the secretary) opens it, records each item's conclusion, closes it. */
@Service
public class RunningMeeting {

	private final MeetingAccess access;
	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final VoteTable votes;
	private final MeetingWork work;

	RunningMeeting(MeetingAccess access, MeetingTable meetings, InviteeTable invitees, ItemTable items, VoteTable votes,
			MeetingWork work) {
		this.access = access;
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.votes = votes;
		this.work = work;
	}

	public void open(OfficialPrincipal me, long meetingId) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			var m = record.meeting();
			var quorum = MeetingRecord.quorum(m.kind(), invitees.members(meetingId), invitees.present(meetingId));
			record.open(quorum);
			meetings.save(record, work.now());
			work.audit(me.unitCode(), me.username(), "meetings.meeting.opened", "meeting", meetingId,
					quorum.present() + "/" + quorum.members() + " present, quorum " + quorum.needed());
			record.events().forEach(work::publish);
			work.publish(new MeetingStageChanged(me.unitCode(), meetingId));
		});
	}

	/** Closes the meeting; refused while a vote is still open. */
	public void close(OfficialPrincipal me, long meetingId) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			if (votes.stillOpen(meetingId) > 0) {
				throw new MeetingsException(null, "meetings.error.voteStillOpen");
			}
			record.close();
			meetings.save(record, work.now());
			work.audit(me.unitCode(), me.username(), "meetings.meeting.closed", "meeting", meetingId, "OPEN -> CLOSED");
			record.events().forEach(work::publish);
			work.publish(new MeetingStageChanged(me.unitCode(), meetingId));
		});
	}

	/** The item taken up now, while the meeting is open: the room display and the meeting page follow it. */
	public void current(OfficialPrincipal me, long meetingId, long itemId) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			record.require(MeetingRecord.Step.VOTE);
			if (!items.belongs(meetingId, itemId)) {
				throw new MeetingsException(null, "meetings.error.noMeeting");
			}
			meetings.current(meetingId, itemId);
			work.audit(me.unitCode(), me.username(), "meetings.item.current", "meeting_item", itemId, "taken up now");
			work.publish(new MeetingStageChanged(me.unitCode(), meetingId));
		});
	}

	/** The conclusion of an agenda item (what was decided), while the meeting is open or after it closed. */
	public void conclude(OfficialPrincipal me, long meetingId, long itemId, @Nullable String conclusion) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			var text = Entry.text("conclusion", conclusion, 3, 4000, "meetings.error.conclusion");
			record.require(MeetingRecord.Step.CONCLUDE);
			if (!items.belongs(meetingId, itemId)) {
				throw new MeetingsException(null, "meetings.error.noMeeting");
			}
			items.conclude(itemId, text);
			work.audit(me.unitCode(), me.username(), "meetings.item.concluded", "meeting_item", itemId, text);
		});
	}

}
