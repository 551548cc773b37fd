package vn.xaso.party.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;

/** A member's private notes (sổ tay), about a meeting of their cell or not: nobody else reads them, the committee neither. */
@Service
public class KeepingNotes {

	private final NoteTable notes;
	private final CellMeetingTable meetings;
	private final PartyWork work;

	KeepingNotes(NoteTable notes, CellMeetingTable meetings, PartyWork work) {
		this.notes = notes;
		this.meetings = meetings;
		this.work = work;
	}

	public long write(PartyCaller caller, @Nullable Long meetingId, @Nullable String body) {
		return work.asMember(caller, rights -> {
			var text = PartyRights.text("body", body, 1, 4000, "party.error.note");
			if (meetingId != null) {
				var meeting = meetings.find(rights.unitCode(), meetingId).orElseThrow(() -> PartyException.of("party.error.noMeeting"));
				rights.requireSees(meeting.cellId());
			}
			long id = notes.insert(rights.unitCode(), rights.me().memberId(), meetingId, text);
			work.audit(rights, "party.note.written", "party_note", id, "");
			return id;
		});
	}

	public List<PartyViews.Note> mine(PartyCaller caller) {
		return work.asMember(caller, rights -> notes.of(rights.me().memberId(), null, 200));
	}
}
