package vn.xaso.party.internal;

import org.springframework.stereotype.Service;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;

/**
 * What a member reads: their home (their cell, or every cell for the committee; coming meetings; unread study
 * materials), a cell's page, a meeting's page and its materials. Reading a meeting or a material is written to the
 * audit log (who and which id; no contents).
 */
@Service
public class ReadingParty {

	private final MemberTable members;
	private final CellMeetingTable meetings;
	private final StudyTable studies;
	private final NoteTable notes;
	private final PartyVillages villages;
	private final PartyWork work;

	ReadingParty(MemberTable members, CellMeetingTable meetings, StudyTable studies, NoteTable notes, PartyVillages villages, PartyWork work) {
		this.villages = villages;
		this.members = members;
		this.meetings = meetings;
		this.studies = studies;
		this.notes = notes;
		this.work = work;
	}

	public PartyViews.Home home(PartyCaller caller) {
		return work.asMember(caller, rights -> {
			var me = rights.me();
			var names = villages.names(me.unitCode());
			var cells = (rights.committee() ? members.cells(me.unitCode()) : members.cell(me.unitCode(), me.cellId()).stream().toList())
				.stream().map(c -> c.named(names)).toList();
			var upcoming = meetings.upcoming(me.unitCode(), rights.committee() ? null : me.cellId(), work.now().minusSeconds(6 * 3600), 20);
			return new PartyViews.Home(me, members.organisationName(me.unitCode()).orElse(null), cells, upcoming,
					studies.unread(me.unitCode(), me.cellId(), me.memberId()),
					rights.committee() ? villages.active(me.unitCode()) : java.util.List.of());
		});
	}

	public PartyViews.CellPage cell(PartyCaller caller, long cellId) {
		return work.asMember(caller, rights -> {
			rights.requireSees(cellId);
			var names = villages.names(rights.unitCode());
			var cell = members.cell(rights.unitCode(), cellId).orElseThrow(() -> PartyException.of("party.error.noCell")).named(names);
			work.audit(rights, "party.cell.read", "party_cell", cellId, "");
			var committee = rights.committee();
			return new PartyViews.CellPage(cell, members.members(cellId), meetings.ofCell(cellId, 100), rights.manages(cellId), committee,
					committee ? villages.active(rights.unitCode()) : java.util.List.of(),
					committee ? members.cells(rights.unitCode()).stream().filter(c -> c.id() != cellId).toList() : java.util.List.of());
		});
	}

	public PartyViews.MeetingPage meeting(PartyCaller caller, long meetingId) {
		return work.asMember(caller, rights -> {
			var meeting = meetings.find(rights.unitCode(), meetingId).orElseThrow(() -> PartyException.of("party.error.noMeeting"));
			rights.requireSees(meeting.cellId());
			var cell = members.cell(rights.unitCode(), meeting.cellId()).orElseThrow(() -> PartyException.of("party.error.noMeeting"))
				.named(villages.names(rights.unitCode()));
			work.audit(rights, "party.meeting.read", "party_meeting", meetingId, "");
			return new PartyViews.MeetingPage(meeting, cell, meetings.files(meetingId), meetings.attendance(meetingId, meeting.cellId()),
					notes.of(rights.me().memberId(), meetingId, 50), rights.manages(meeting.cellId()));
		});
	}

	public PartyViews.Content material(PartyCaller caller, long meetingId, long fileId) {
		return work.asMember(caller, rights -> {
			var meeting = meetings.find(rights.unitCode(), meetingId).orElseThrow(() -> PartyException.of("party.error.noMeeting"));
			rights.requireSees(meeting.cellId());
			var content = meetings.file(meetingId, fileId).orElseThrow(() -> PartyException.of("party.error.noFile"));
			work.audit(rights, "party.material.read", "party_meeting", meetingId, "material " + fileId);
			return content;
		});
	}
}
