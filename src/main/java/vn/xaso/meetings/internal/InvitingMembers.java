package vn.xaso.meetings.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.documents.Document;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.meetings.InvitationsSent;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingsException;

/**
 * A prepared meeting's invitation, numbered and signed as every outgoing paper ({@link InvitationPaper}): the organiser
 * drafts the Giấy mời and submits it to the leader; a leader approves and signs it; the clerk releases it with its
 * number — and only then does the meeting go DRAFT → INVITED and every invitee get one message through notify, with
 * the number. Then the invitees' replies (attend, absent with a reason, or a delegate in their place) until it starts.
 */
@Service
public class InvitingMembers {

	/**
	 * The Giấy mời as the meeting page shows it: its document, where it stands in the register (draft — sent back to be
	 * corrected —, submitted, approved, released) and its number once released.
	 */
	public record Invitation(long documentId, String status, @Nullable String number) {

		public boolean awaitingLeader() {
			return Document.SUBMITTED.equals(status);
		}

		public boolean awaitingRelease() {
			return Document.APPROVED.equals(status);
		}

		public boolean released() {
			return Document.RELEASED.equals(status);
		}

		public boolean sentBack() {
			return Document.DRAFT.equals(status);
		}
	}

	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final MeetingNotices notices;
	private final InvitationPaper paper;
	private final MeetingWork work;

	InvitingMembers(MeetingTable meetings, InviteeTable invitees, ItemTable items, MeetingNotices notices, InvitationPaper paper,
			MeetingWork work) {
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.notices = notices;
		this.paper = paper;
		this.work = work;
	}

	/** Drafts the Giấy mời in the documents register and submits it to the leader; nobody is told yet. Gives its document id. */
	public long prepare(OfficialPrincipal me, long meetingId) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> {
			var record = locked(me, meetingId);
			record.require(MeetingRecord.Step.INVITE);
			var m = record.meeting();
			if (m.invitationDocumentId() != null) {
				throw new MeetingsException(null, "meetings.error.invitationDrafted");
			}
			var agenda = items.list(meetingId);
			if (agenda.isEmpty()) {
				throw new MeetingsException(null, "meetings.error.noAgenda");
			}
			long documentId = paper.draftAndSubmit(me, m, agenda, invitees.list(meetingId), meetings.rooms(meetingId));
			meetings.invitationDocument(meetingId, documentId);
			work.audit(me.unitCode(), me.username(), "meetings.invitation.drafted", "meeting", meetingId,
					"invitation document " + documentId + " submitted to the leader");
			return documentId;
		});
	}

	/** A leader approves and signs the meeting's Giấy mời with their personal signing identity and its password. */
	public void approve(OfficialPrincipal me, long meetingId, char @Nullable [] password) {
		if (!me.has(Role.LEADER)) {
			throw new MeetingsException(null, "meetings.error.leaderSigns");
		}
		work.run(() -> {
			var record = locked(me, meetingId);
			record.require(MeetingRecord.Step.INVITE);
			long documentId = document(record);
			if (password == null || password.length == 0) {
				throw new MeetingsException("invitationPassword", "meetings.error.password");
			}
			paper.approve(me, documentId, password);
			work.audit(me.unitCode(), me.username(), "meetings.invitation.approved", "meeting", meetingId,
					"invitation document " + documentId + " approved and signed");
		});
	}

	/**
	 * DRAFT → INVITED: the clerk releases the signed Giấy mời (number, date, the organisation's signature) — or takes it
	 * as released from the register —, the meeting keeps its number, and every invitee is told once. Gives the number.
	 */
	public String invite(OfficialPrincipal me, long meetingId, char @Nullable [] password) {
		MeetingRecord.requireOrganiser(me);
		return work.inTx(() -> {
			var record = locked(me, meetingId);
			record.invited();
			long documentId = document(record);
			var number = paper.release(me, documentId, password == null ? new char[0] : password);
			meetings.invitationNumber(meetingId, number);
			meetings.save(record, work.now());
			var m = record.meeting();
			var people = invitees.list(meetingId);
			int reached = 0;
			for (var person : people) {
				if (notices.invite(m, person, number)) {
					reached++;
				}
			}
			work.audit(me.unitCode(), me.username(), "meetings.meeting.invited", "meeting", meetingId,
					people.size() + " invitees, " + reached + " notified; invitation " + number + " (document " + documentId + ")");
			work.publish(new InvitationsSent(me.unitCode(), meetingId, people.size(), documentId));
			return number;
		});
	}

	/** The meeting's Giấy mời as it stands, for the meeting page (the register is asked only until it is released). */
	public Optional<Invitation> invitation(OfficialPrincipal me, Meeting m) {
		var documentId = m.invitationDocumentId();
		if (documentId == null) {
			return Optional.empty();
		}
		if (m.invitationNumber() != null) {
			return Optional.of(new Invitation(documentId, Document.RELEASED, m.invitationNumber()));
		}
		return work.inTx(() -> paper.find(me, documentId).map(d -> new Invitation(documentId, d.status(), d.numberSymbol())));
	}

	/**
	 * An invitee's reply: attend; absent with a reason (3–300 characters); or a delegate going instead, with their name
	 * (2–100) and position (2–150). A later reply replaces the earlier one until the meeting starts; then it is refused.
	 */
	public void reply(OfficialPrincipal me, long meetingId, Reply in) {
		work.run(() -> {
			var record = new MeetingRecord(meetings.lock(me.unitCode(), meetingId)
				.filter(m -> invitees.invited(meetingId, me.username()))
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
			record.require(MeetingRecord.Step.REPLY);
			var answer = answer(in);
			invitees.reply(meetingId, me.username(), answer, work.now());
			work.audit(me.unitCode(), me.username(), "meetings.invitee.replied", "meeting", meetingId, answer.reply()
					+ (answer.reason() == null ? "" : ": " + answer.reason())
					+ (answer.delegateName() == null ? "" : ": " + answer.delegateName() + ", " + answer.delegatePosition()));
		});
	}

	/** The reply form as typed. */
	public record Reply(@Nullable String reply, @Nullable String reason, @Nullable String delegateName, @Nullable String delegatePosition) {
	}

	private static InviteeTable.Answer answer(Reply in) {
		Meeting.Reply reply;
		try {
			reply = Meeting.Reply.valueOf(in.reply() == null ? "" : in.reply());
		}
		catch (IllegalArgumentException e) {
			throw new MeetingsException("reply", "meetings.error.reply");
		}
		return switch (reply) {
			case ATTEND -> new InviteeTable.Answer(reply, null, null, null);
			case ABSENT -> new InviteeTable.Answer(reply, Entry.text("reason", in.reason(), 3, 300, "meetings.error.reason"), null, null);
			case DELEGATE -> new InviteeTable.Answer(reply, null,
					Entry.text("delegateName", in.delegateName(), 2, 100, "meetings.error.delegateName"),
					Entry.text("delegatePosition", in.delegatePosition(), 2, 150, "meetings.error.delegatePosition"));
			case NONE -> throw new MeetingsException("reply", "meetings.error.reply");
		};
	}

	private MeetingRecord locked(OfficialPrincipal me, long meetingId) {
		return new MeetingRecord(meetings.lock(me.unitCode(), meetingId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
	}

	private static long document(MeetingRecord record) {
		var id = record.meeting().invitationDocumentId();
		if (id == null) {
			throw new MeetingsException(null, "meetings.error.noInvitation");
		}
		return id;
	}
}
