package vn.xaso.meetings.internal;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingTask;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/**
 * Messages through notify, published as {@link Notice} events that notify queues in the caller's transaction (the outbox): the invitation and the signed minutes to each
 * invitee and a task to its assignee, by text message to the official's phone (and e-mail when their account has
 * one). Once per person: the dedupe key names the meeting (or task) and the person.
 */
@Component
class MeetingNotices {

	private final ApplicationEventPublisher events;
	private final Officials officials;
	private final PaperTexts texts;
	private final NamedTeamTable teams;

	MeetingNotices(ApplicationEventPublisher events, Officials officials, PaperTexts texts, NamedTeamTable teams) {
		this.events = events;
		this.teams = teams;
		this.officials = officials;
		this.texts = texts;
	}

	/** Whether the invitee could be reached (a phone or an e-mail address on their account); {@code number}: the Giấy mời's. */
	boolean invite(Meeting m, Meeting.Invitee invitee, String number) {
		var params = Map.of("title", m.title(), "when", texts.when(m.startsAt()), "place", m.place(), "chair", m.chairName(), "number",
				number);
		return send(m.unitCode(), invitee.username(), invitee.fullName(), "meetings.notice.invitation", params,
				"meeting-" + m.id() + "-invite-" + invitee.username(), "/meetings/" + m.id() + "/reply");
	}

	/** The signed minutes, to an invitee. */
	boolean minutes(Meeting m, Meeting.Invitee invitee) {
		return send(m.unitCode(), invitee.username(), invitee.fullName(), "meetings.notice.minutes", Map.of("title", m.title()),
				"meeting-" + m.id() + "-minutes-" + invitee.username(), "/meetings/" + m.id());
	}

	/** A new task to its assignee (a named team's: to each member, the dedupe key naming the member too). */
	boolean task(String unitCode, MeetingTask t) {
		boolean sent = false;
		for (var to : recipients(t)) {
			var key = "meeting-task-" + t.id() + to.suffix();
			if (!t.fromMeeting() || t.meetingTitle() == null) {
				sent |= send(unitCode, to.username(), to.fullName(), "meetings.notice.directTask",
						Map.of("text", t.text(), "deadline", PaperTexts.day(t.deadline())), key, "/meetings/tasks/" + t.id());
			}
			else {
				sent |= send(unitCode, to.username(), to.fullName(), "meetings.notice.task",
						Map.of("text", t.text(), "deadline", PaperTexts.day(t.deadline()), "meeting", t.meetingTitle()), key, "/meetings/tasks/" + t.id());
			}
		}
		return sent;
	}

	/** The reminder the working day before the deadline ({@code overdue} false), or the one when the task is overdue. */
	boolean taskReminder(MeetingTask t, String unitCode, boolean overdue) {
		boolean sent = false;
		for (var to : recipients(t)) {
			sent |= send(unitCode, to.username(), to.fullName(), overdue ? "meetings.notice.taskOverdue" : "meetings.notice.taskDue",
					Map.of("text", t.text(), "deadline", PaperTexts.day(t.deadline())),
					"meeting-task-" + t.id() + (overdue ? "-overdue" : "-due") + to.suffix(), "/meetings/tasks/" + t.id());
		}
		return sent;
	}

	private record To(String username, String fullName, String suffix) {
	}

	/** The assignee, or each member of the named team the task went to (the dedupe key's suffix names them). */
	private java.util.List<To> recipients(MeetingTask t) {
		var team = TaskTable.teamId(t.assignee());
		if (team.isEmpty()) {
			return java.util.List.of(new To(t.assignee(), t.assigneeName(), ""));
		}
		return teams.membersOf(team.get()).stream().map(m -> new To(m.username(), m.fullName(), "-" + m.username())).toList();
	}

	/**
	 * To the leader (or clerk) who gave the task: once when it became overdue ({@code overdue} true), once when its
	 * assignee reported it done. Nothing when they gave it to themselves.
	 */
	boolean toGiver(MeetingTask t, String unitCode, boolean overdue) {
		if (t.createdBy().equals(t.assignee())) {
			return false;
		}
		var giver = officials.find(unitCode, t.createdBy()).orElse(null);
		if (giver == null) {
			return false;
		}
		return send(unitCode, giver.username(), giver.fullName(), overdue ? "meetings.notice.giverOverdue" : "meetings.notice.giverDone",
				Map.of("text", t.text(), "deadline", PaperTexts.day(t.deadline()), "who", t.assigneeName()),
				"meeting-task-" + t.id() + (overdue ? "-overdue-giver" : "-done-giver"), "/meetings/tasks/" + t.id());
	}

	private boolean send(String unitCode, String username, String name, String template, Map<String, String> params, String key,
			String link) {
		var phone = officials.phone(unitCode, username).orElse(null);
		var email = officials.email(unitCode, username).orElse(null);
		Recipient recipient;
		if (phone != null) {
			recipient = Recipient.person(phone, email, name);
		}
		else if (email != null) {
			recipient = Recipient.email(email, name);
		}
		else {
			return false;
		}
		events.publishEvent(new Notice(unitCode, recipient, template, params, key, link)); // notify's listener queues it in this transaction
		return true;
	}
}
