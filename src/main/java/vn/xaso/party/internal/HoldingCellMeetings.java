package vn.xaso.party.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.party.AttendanceTaken;
import vn.xaso.party.CellMeetingScheduled;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;

/**
 * The cell's secretary (or the committee) holds the cell's meetings: schedules a monthly or thematic meeting with its
 * agenda, attaches PDF materials (checked by content) and marks each member present or absent.
 */
@Service
public class HoldingCellMeetings {

	/** The meeting form as typed. */
	public record Input(@Nullable String kind, @Nullable String title, @Nullable String date, @Nullable String time, @Nullable String place,
			@Nullable String agenda) {
	}

	private final MemberTable members;
	private final CellMeetingTable meetings;
	private final PartyWork work;

	HoldingCellMeetings(MemberTable members, CellMeetingTable meetings, PartyWork work) {
		this.members = members;
		this.meetings = meetings;
		this.work = work;
	}

	public long schedule(PartyCaller caller, long cellId, Input in) {
		return work.asMember(caller, rights -> {
			var m = checked(rights.unitCode(), cellId, rights.actor(), in);
			rights.requireManages(cellId);
			members.cell(rights.unitCode(), cellId).orElseThrow(() -> PartyException.of("party.error.noCell"));
			long id = meetings.insert(m);
			work.audit(rights, "party.meeting.scheduled", "party_meeting", id, m.kind() + ", cell " + cellId + ", " + m.startsAt());
			work.publish(new CellMeetingScheduled(rights.unitCode(), cellId, id, m.startsAt()));
			return id;
		});
	}

	/** The typed meeting, checked; a refusal names the field. */
	private CellMeetingTable.NewMeeting checked(String unitCode, long cellId, String by, Input in) {
		PartyViews.MeetingKind kind;
		try {
			kind = PartyViews.MeetingKind.valueOf(in.kind() == null ? "" : in.kind());
		}
		catch (IllegalArgumentException e) {
			throw PartyException.of("kind", "party.error.kind");
		}
		var title = PartyRights.text("title", in.title(), 3, 200, "party.error.title");
		var place = PartyRights.text("place", in.place(), 2, 200, "party.error.place");
		var agenda = PartyRights.text("agenda", in.agenda(), 0, 4000, "party.error.agenda");
		LocalDate date;
		LocalTime time;
		try {
			date = LocalDate.parse(in.date() == null ? "" : in.date().strip());
			time = LocalTime.parse(in.time() == null ? "" : in.time().strip());
		}
		catch (DateTimeParseException e) {
			throw PartyException.of("date", "party.error.date");
		}
		var today = work.today();
		if (date.isBefore(today.minusDays(31)) || date.isAfter(today.plusYears(1))) {
			throw PartyException.of("date", "party.error.dateRange");
		}
		return new CellMeetingTable.NewMeeting(unitCode, cellId, kind, title, date.atTime(time).atZone(PartyWork.VIETNAM).toInstant(), place,
				agenda, by);
	}

	public long addMaterial(PartyCaller caller, long meetingId, @Nullable String title, byte[] pdf) {
		return work.asMember(caller, rights -> {
			var t = PartyRights.text("fileTitle", title, 1, 200, "party.error.fileTitle");
			int pages = PdfUpload.pagesOf(pdf);
			var meeting = meetings.find(rights.unitCode(), meetingId).orElseThrow(() -> PartyException.of("party.error.noMeeting"));
			rights.requireManages(meeting.cellId());
			long id = meetings.addFile(rights.unitCode(), meeting.cellId(), meetingId, t, pages, pdf, rights.actor());
			work.audit(rights, "party.material.added", "party_meeting", meetingId, "material " + id + " (" + pages + " pages)");
			return id;
		});
	}

	/** Marks a member of the meeting's cell present, or absent with the reason they gave. */
	public void mark(PartyCaller caller, long meetingId, long memberId, boolean present, @Nullable String reason) {
		work.asMember(caller, rights -> {
			if (memberId <= 0) {
				throw PartyException.of("memberId", "party.error.noMember");
			}
			var r = present ? null : PartyRights.text("reason", reason, 0, 300, "party.error.reason");
			var meeting = meetings.find(rights.unitCode(), meetingId).orElseThrow(() -> PartyException.of("party.error.noMeeting"));
			rights.requireManages(meeting.cellId());
			members.member(meeting.cellId(), memberId).orElseThrow(() -> PartyException.of("memberId", "party.error.noMember"));
			meetings.mark(rights.unitCode(), meeting.cellId(), meetingId, memberId, present, r == null || r.isEmpty() ? null : r, rights.actor());
			work.audit(rights, present ? "party.attendance.present" : "party.attendance.absent", "party_meeting", meetingId, "member " + memberId);
			work.publish(new AttendanceTaken(rights.unitCode(), meetingId, memberId, present));
			return null;
		});
	}
}
