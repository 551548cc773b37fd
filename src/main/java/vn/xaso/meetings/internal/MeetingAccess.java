package vn.xaso.meetings.internal;

import org.springframework.stereotype.Component;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;

/**
 * Who reaches a meeting: organisers (a leader or the clerk of the unit), its chair and secretary, and its invitees.
 * Anyone else — another unit included — is told "not found", as if it did not exist. A confidential item's documents
 * are for the invitees only.
 */
@Component
class MeetingAccess {

	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;

	MeetingAccess(MeetingTable meetings, InviteeTable invitees, ItemTable items) {
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
	}

	/**
	 * An agenda item's document for whoever reaches the meeting — a confidential item's only for its invitees (the chair
	 * and the secretary are invitees): anyone else is refused with a message.
	 */
	ItemTable.Content document(OfficialPrincipal me, long meetingId, long fileId) {
		visible(me, meetingId, false);
		var content = items.file(meetingId, fileId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noFile"));
		if (content.confidential() && !invitees.invited(meetingId, me.username())) {
			throw new MeetingsException(null, "meetings.error.confidential");
		}
		return content;
	}

	/** The meeting as the caller may see it; {@code lock}: under its row lock, for a change. */
	MeetingRecord visible(OfficialPrincipal me, long meetingId, boolean lock) {
		var found = lock ? meetings.lock(me.unitCode(), meetingId) : meetings.find(me.unitCode(), meetingId);
		var record = new MeetingRecord(found.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
		if (!record.runBy(me) && !invitees.invited(meetingId, me.username())) {
			throw new MeetingsException(null, "meetings.error.noMeeting");
		}
		return record;
	}

	/** The meeting under its lock, for whoever runs it (organisers, chair, secretary); an invitee is refused with a message. */
	MeetingRecord runner(OfficialPrincipal me, long meetingId) {
		var record = visible(me, meetingId, true);
		record.requireRunner(me);
		return record;
	}
}
