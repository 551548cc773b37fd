package vn.xaso.meetings.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingScheduled;
import vn.xaso.meetings.MeetingsException;

/**
 * An organiser prepares a meeting: kind, title, time, place, chair, secretary and invitees (officials of the unit;
 * the chair and the secretary are always invitees), then its remote rooms and agenda items with their PDFs.
 */
@Service
public class SchedulingMeeting {

	/** The meeting form as typed. */
	public record Input(@Nullable String kind, @Nullable String title, @Nullable String date, @Nullable String time,
			@Nullable String place, @Nullable String chair, @Nullable String secretary, @Nullable List<String> invitees) {
	}

	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final Officials officials;
	private final MeetingWork work;

	SchedulingMeeting(MeetingTable meetings, InviteeTable invitees, ItemTable items, Officials officials, MeetingWork work) {
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.officials = officials;
		this.work = work;
	}

	public long schedule(OfficialPrincipal me, Input in) {
		MeetingRecord.requireOrganiser(me);
		Meeting.Kind kind;
		try {
			kind = Meeting.Kind.valueOf(in.kind() == null ? "" : in.kind());
		}
		catch (IllegalArgumentException e) {
			throw new MeetingsException("kind", "meetings.error.kind");
		}
		var title = Entry.text("title", in.title(), 3, 300, "meetings.error.title");
		var place = Entry.text("place", in.place(), 2, 300, "meetings.error.place");
		LocalDate date;
		LocalTime time;
		try {
			date = LocalDate.parse(in.date() == null ? "" : in.date().strip());
		}
		catch (DateTimeParseException e) {
			throw new MeetingsException("date", "meetings.error.date");
		}
		try {
			time = LocalTime.parse(in.time() == null ? "" : in.time().strip());
		}
		catch (DateTimeParseException e) {
			throw new MeetingsException("time", "meetings.error.time");
		}
		var today = work.today();
		if (date.isBefore(today) || date.isAfter(today.plusYears(1))) {
			throw new MeetingsException("date", "meetings.error.dateRange");
		}
		return work.inTx(() -> {
			var chair = officials.find(me.unitCode(), blank(in.chair()))
				.orElseThrow(() -> new MeetingsException("chair", "meetings.error.chair"));
			var secretary = officials.find(me.unitCode(), blank(in.secretary()))
				.orElseThrow(() -> new MeetingsException("secretary", "meetings.error.secretary"));
			if (chair.username().equals(secretary.username())) {
				throw new MeetingsException("secretary", "meetings.error.sameSecretary");
			}
			var names = new LinkedHashSet<String>();
			names.add(chair.username());
			names.add(secretary.username());
			if (in.invitees() != null) {
				in.invitees().stream().map(SchedulingMeeting::blank).filter(s -> !s.isEmpty()).forEach(names::add);
			}
			if (names.size() < 3) {
				throw new MeetingsException("invitees", "meetings.error.invitees");
			}
			var startsAt = date.atTime(time).atZone(MeetingWork.VIETNAM).toInstant();
			long id = meetings.insert(new MeetingTable.NewMeeting(me.unitCode(), kind, title, startsAt, place, chair.username(),
					chair.fullName(), secretary.username(), secretary.fullName(), me.username()));
			for (var username : names) {
				var official = officials.find(me.unitCode(), username)
					.orElseThrow(() -> new MeetingsException("invitees", "meetings.error.invitee", username));
				invitees.invite(me.unitCode(), id, official.username(), official.fullName());
			}
			work.audit(me.unitCode(), me.username(), "meetings.meeting.scheduled", "meeting", id,
					kind + " " + title + " " + startsAt + "; " + names.size() + " invitees");
			work.publish(new MeetingScheduled(me.unitCode(), id, title, startsAt));
			return id;
		});
	}

	/** A remote room: a village cultural house (or any place) with its video link, http(s) only. */
	public void addRoom(OfficialPrincipal me, long meetingId, @Nullable String name, @Nullable String videoUrl) {
		MeetingRecord.requireOrganiser(me);
		var room = Entry.text("roomName", name, 2, 150, "meetings.error.roomName");
		var url = videoUrl == null ? "" : videoUrl.strip();
		if (url.length() > 500 || !url.matches("(?i)https?://[^\\s<>\"]+\\.[^\\s<>\"]+")) {
			throw new MeetingsException("videoUrl", "meetings.error.videoUrl");
		}
		work.run(() -> {
			var record = editable(me, meetingId);
			if (!meetings.addRoom(me.unitCode(), meetingId, room, url)) {
				throw new MeetingsException("roomName", "meetings.error.roomTwice");
			}
			work.audit(me.unitCode(), me.username(), "meetings.room.added", "meeting", record.meeting().id(), room + " " + url);
		});
	}

	public long addItem(OfficialPrincipal me, long meetingId, @Nullable String title, @Nullable String presenter) {
		return addItem(me, meetingId, title, presenter, false);
	}

	/** An agenda item; {@code confidential}: its documents are for the invitees only ("Nội dung mật" to anyone else). */
	public long addItem(OfficialPrincipal me, long meetingId, @Nullable String title, @Nullable String presenter, boolean confidential) {
		MeetingRecord.requireOrganiser(me);
		var t = Entry.text("itemTitle", title, 3, 300, "meetings.error.itemTitle");
		var p = Entry.text("presenter", presenter, 2, 100, "meetings.error.presenter");
		return work.inTx(() -> {
			editable(me, meetingId);
			long id = items.insert(me.unitCode(), meetingId, t, p, confidential);
			work.audit(me.unitCode(), me.username(), "meetings.item.added", "meeting", meetingId, t + " — " + p + (confidential ? " (confidential)" : ""));
			return id;
		});
	}

	/** Attaches a PDF to an agenda item, checked by its content. */
	public long addFile(OfficialPrincipal me, long meetingId, long itemId, @Nullable String title, byte[] pdf) {
		MeetingRecord.requireOrganiser(me);
		var t = Entry.text("fileTitle", title, 1, 200, "meetings.error.fileTitle");
		int pages = PdfFiles.pages(pdf);
		return work.inTx(() -> {
			editable(me, meetingId);
			if (!items.belongs(meetingId, itemId)) {
				throw new MeetingsException(null, "meetings.error.noMeeting");
			}
			long id = items.addFile(me.unitCode(), itemId, t, pages, pdf, me.username());
			work.audit(me.unitCode(), me.username(), "meetings.file.added", "meeting", meetingId, t + " (" + pages + " pages)");
			return id;
		});
	}

	/**
	 * A new version of an item's document (checked by its content as every upload): the earlier versions stay listed
	 * with who added them and when; readers get the newest. Gives the new version's id.
	 */
	public long addVersion(OfficialPrincipal me, long meetingId, long fileId, byte[] pdf) {
		MeetingRecord.requireOrganiser(me);
		int pages = PdfFiles.pages(pdf);
		return work.inTx(() -> {
			editable(me, meetingId);
			var of = items.file(meetingId, fileId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noFile"));
			long id = items.addVersion(me.unitCode(), of, pages, pdf, me.username());
			work.audit(me.unitCode(), me.username(), "meetings.file.versionAdded", "meeting", meetingId,
					of.title() + " (" + pages + " pages), new version of file " + of.series());
			return id;
		});
	}

	private MeetingRecord editable(OfficialPrincipal me, long meetingId) {
		var record = new MeetingRecord(meetings.lock(me.unitCode(), meetingId)
			.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
		record.require(MeetingRecord.Step.EDIT);
		return record;
	}

	static String blank(@Nullable String s) {
		return s == null ? "" : s.strip();
	}
}
