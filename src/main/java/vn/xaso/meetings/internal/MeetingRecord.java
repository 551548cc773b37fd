package vn.xaso.meetings.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.Meeting.Kind;
import vn.xaso.meetings.Meeting.Quorum;
import vn.xaso.meetings.Meeting.Status;
import vn.xaso.meetings.MeetingClosed;
import vn.xaso.meetings.MeetingOpened;
import vn.xaso.meetings.MeetingsException;

/**
 * The meeting aggregate: the one place that decides what may happen to a meeting in its state. DRAFT (the agenda,
 * rooms and invitees are prepared) → INVITED (the invitations went out; replies and check-in) → OPEN (votes) → CLOSED
 * (minutes, tasks). Who is who: an organiser (a leader or the clerk of the unit) prepares and runs any meeting; the
 * chair and the secretary run their own; invitees read it and reply.
 */
final class MeetingRecord {

	/** Each step with the states it may start from and the refusal when it may not. */
	enum Step {
		EDIT("meetings.error.notDraft", Status.DRAFT, Status.INVITED),
		INVITE("meetings.error.alreadyInvited", Status.DRAFT),
		REPLY("meetings.error.replyStarted", Status.INVITED),
		CHECK_IN("meetings.error.noCheckInNow", Status.INVITED, Status.OPEN),
		OPEN("meetings.error.cannotOpen", Status.INVITED),
		VOTE("meetings.error.notOpen", Status.OPEN),
		CONCLUDE("meetings.error.notRunning", Status.OPEN, Status.CLOSED),
		CLOSE("meetings.error.notOpen", Status.OPEN),
		MINUTES("meetings.error.notClosed", Status.CLOSED),
		ASSIGN("meetings.error.notRunning", Status.OPEN, Status.CLOSED);

		private final String refusal;
		private final Set<Status> from;

		Step(String refusal, Status first, Status... more) {
			this.refusal = refusal;
			this.from = EnumSet.of(first, more);
		}
	}

	private final Meeting meeting;
	private Status status;
	private final List<Object> events = new ArrayList<>();

	MeetingRecord(Meeting meeting) {
		this.meeting = meeting;
		this.status = meeting.status();
	}

	/** Refuses unless {@code step} may start from the meeting's state. */
	void require(Step step) {
		if (!step.from.contains(status)) {
			throw new MeetingsException(null, step.refusal);
		}
	}

	void invited() {
		require(Step.INVITE);
		status = Status.INVITED;
	}

	/** The chair (or an organiser) opens the meeting; it may open without the quorum, which every vote checks again. */
	void open(Quorum quorum) {
		require(Step.OPEN);
		status = Status.OPEN;
		events.add(new MeetingOpened(meeting.unitCode(), meeting.id(), quorum.present(), quorum.members()));
	}

	void close() {
		require(Step.CLOSE);
		status = Status.CLOSED;
		events.add(new MeetingClosed(meeting.unitCode(), meeting.id()));
	}

	/** Organisers: a leader or the clerk of the meeting's unit. */
	static boolean organiser(OfficialPrincipal me) {
		return me.has(Role.LEADER) || me.has(Role.CLERK);
	}

	static void requireOrganiser(OfficialPrincipal me) {
		if (!organiser(me)) {
			throw new MeetingsException(null, "meetings.error.organiserOnly");
		}
	}

	/** The organisers, the chair and the secretary run the meeting (open, check people in, votes, conclusions). */
	boolean runBy(OfficialPrincipal me) {
		return organiser(me) || meeting.chairedBy(me.username()) || meeting.recordedBy(me.username());
	}

	void requireRunner(OfficialPrincipal me) {
		if (!runBy(me)) {
			throw new MeetingsException(null, "meetings.error.runnerOnly");
		}
	}

	/**
	 * The quorum of a meeting of this kind: two thirds of the members for the people's committee, the council and the
	 * party committee; more than half for a village meeting.
	 */
	static Quorum quorum(Kind kind, int members, int present) {
		int needed = kind == Kind.VILLAGE ? members / 2 + 1 : (2 * members + 2) / 3;
		return new Quorum(members, present, needed, members > 0 && present >= needed);
	}

	Meeting meeting() {
		return meeting;
	}

	Status status() {
		return status;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
