package vn.xaso.meetings.internal;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.InvitationsSent;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingsException;

/**
 * Sends a prepared meeting's invitations: a Giấy mời drafted in the documents module (through its API: the leader then
 * approves and signs it, the clerk releases it with its number, as every outgoing document) and a message to every
 * invitee through notify; then takes the invitees' replies (attend, or absent with a reason).
 */
@Service
public class InvitingMembers {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final MeetingNotices notices;
	private final Documents documents;
	private final MessageSource messages;
	private final MeetingWork work;

	InvitingMembers(MeetingTable meetings, InviteeTable invitees, ItemTable items, MeetingNotices notices, Documents documents,
			MessageSource messages, MeetingWork work) {
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.notices = notices;
		this.documents = documents;
		this.messages = messages;
		this.work = work;
	}

	/** DRAFT → INVITED: the Giấy mời draft and the messages, in one transaction. Gives the Giấy mời's document id. */
	public long invite(OfficialPrincipal me, long meetingId) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> {
			var record = new MeetingRecord(meetings.lock(me.unitCode(), meetingId)
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
			record.invited();
			var m = record.meeting();
			var agenda = items.list(meetingId);
			if (agenda.isEmpty()) {
				throw new MeetingsException(null, "meetings.error.noAgenda");
			}
			var people = invitees.list(meetingId);
			long documentId;
			try {
				documentId = documents.draft(Actor.of(me), new Documents.Draft(DocumentType.GIAY_MOI, vi("meetings.text.invitationSummary", m.title()),
						body(m, agenda), people.stream().map(Meeting.Invitee::fullName).collect(Collectors.joining("\n")), "",
						m.chairName(), vi("meetings.text.chairTitle"), ""));
			}
			catch (DocumentException e) {
				throw new MeetingsException(null, "meetings.error.invitationDocument", e.getMessage());
			}
			meetings.invitationDocument(meetingId, documentId);
			meetings.save(record, work.now());
			int reached = 0;
			for (var person : people) {
				if (notices.invite(m, person)) {
					reached++;
				}
			}
			work.audit(me.unitCode(), me.username(), "meetings.meeting.invited", "meeting", meetingId,
					people.size() + " invitees, " + reached + " notified; Giấy mời document " + documentId);
			work.publish(new InvitationsSent(me.unitCode(), meetingId, people.size(), documentId));
			return documentId;
		});
	}

	/** An invitee's reply: attend, or absent with a reason (3–300 characters). A later reply replaces the earlier one. */
	public void reply(OfficialPrincipal me, long meetingId, @Nullable String answer, @Nullable String reason) {
		work.run(() -> {
			var record = new MeetingRecord(meetings.find(me.unitCode(), meetingId)
				.filter(m -> invitees.invited(meetingId, me.username()))
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
			record.require(MeetingRecord.Step.REPLY);
			Meeting.Reply reply;
			if ("ATTEND".equals(answer)) {
				reply = Meeting.Reply.ATTEND;
			}
			else if ("ABSENT".equals(answer)) {
				reply = Meeting.Reply.ABSENT;
			}
			else {
				throw new MeetingsException("reply", "meetings.error.reply");
			}
			var why = reply == Meeting.Reply.ABSENT ? Entry.text("reason", reason, 3, 300, "meetings.error.reason") : null;
			invitees.reply(meetingId, me.username(), reply, why, work.now());
			work.audit(me.unitCode(), me.username(), "meetings.invitee.replied", "meeting", meetingId, reply + (why == null ? "" : ": " + why));
		});
	}

	private String body(Meeting m, java.util.List<Meeting.Item> agenda) {
		var text = new StringBuilder(vi("meetings.text.invitationBody", m.title(), WHEN.format(m.startsAt().atZone(MeetingWork.VIETNAM)),
				m.place(), m.chairName()));
		text.append("\n\n").append(vi("meetings.text.agenda")).append('\n');
		for (var item : agenda) {
			text.append(item.position()).append(". ").append(item.title()).append(" (").append(item.presenter()).append(")\n");
		}
		var rooms = meetings.rooms(m.id());
		if (!rooms.isEmpty()) {
			text.append('\n').append(vi("meetings.text.rooms")).append('\n');
			rooms.forEach(r -> text.append("- ").append(r.name()).append(": ").append(r.videoUrl()).append('\n'));
		}
		return text.toString().strip();
	}

	/** The Giấy mời is a Vietnamese administrative paper whatever the reader's language. */
	private String vi(String key, Object... args) {
		return messages.getMessage(key, args, java.util.Locale.forLanguageTag("vi"));
	}
}
