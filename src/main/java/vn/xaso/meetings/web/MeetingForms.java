package vn.xaso.meetings.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.meetings.internal.DirectingTasks;
import vn.xaso.meetings.internal.InvitingMembers;
import vn.xaso.meetings.internal.SchedulingMeeting;
import vn.xaso.meetings.internal.Voting;
import vn.xaso.platform.web.Form;

/** The meetings forms, typed; the use cases check the values and refuse with a message per field. */
final class MeetingForms {

	private MeetingForms() {
	}

	record MeetingForm(@Nullable String kind, @Nullable String title, @Nullable String date, @Nullable String time,
			@Nullable String place, @Nullable String chair, @Nullable String secretary, @Nullable List<String> invitees) {

		SchedulingMeeting.Input input() {
			return new SchedulingMeeting.Input(kind, title, date, time, place, chair, secretary, invitees);
		}

		Form form() {
			return Form.empty().value("kind", kind).value("title", title).value("date", date).value("time", time).value("place", place)
				.value("chair", chair).value("secretary", secretary)
				.value("invitees", invitees == null ? null : String.join(",", invitees));
		}
	}

	record RoomForm(@Nullable String roomName, @Nullable String videoUrl) {
	}

	record ItemForm(@Nullable String itemTitle, @Nullable String presenter, @Nullable String confidential) {

		boolean isConfidential() {
			return "true".equals(confidential);
		}
	}

	record FileForm(@Nullable String fileTitle) {
	}

	record ReplyForm(@Nullable String reply, @Nullable String reason, @Nullable String delegateName, @Nullable String delegatePosition) {

		InvitingMembers.Reply input() {
			return new InvitingMembers.Reply(reply, reason, delegateName, delegatePosition);
		}
	}

	/** {@code delegate}: the invitee's delegate came in their place. */
	record AttendanceForm(@Nullable String username, @Nullable String present, @Nullable String delegate) {

		boolean isPresent() {
			return "true".equals(present);
		}

		boolean byDelegate() {
			return "true".equals(delegate);
		}
	}

	record ConclusionForm(@Nullable String conclusion) {
	}

	record VoteForm(@Nullable String question, @Nullable String secret, @Nullable String rule, @Nullable String options) {

		Voting.Input input() {
			return new Voting.Input(question, secret, rule, options);
		}
	}

	record BallotForm(@Nullable String choice) {
	}

	/** A delegate's ballot as the secretary records it: the invitee's seat (username) and the choice. */
	record DelegateBallotForm(@Nullable String seat, @Nullable String choice) {
	}

	/** A leader's personal signing password, to sign the Giấy mời. */
	record ApproveForm(@Nullable String invitationPassword) {

		char[] chars() {
			return invitationPassword == null ? new char[0] : invitationPassword.toCharArray();
		}
	}

	/** The organisation's signing password, to release the Giấy mời (empty when it was released from the register). */
	record ReleaseForm(@Nullable String releasePassword) {

		char[] chars() {
			return releasePassword == null ? new char[0] : releasePassword.toCharArray();
		}
	}

	record SignForm(@Nullable String password) {

		char[] chars() {
			return password == null ? new char[0] : password.toCharArray();
		}
	}

	record TaskForm(@Nullable String assignee, @Nullable String text, @Nullable String workingDays) {

		AssigningTasks.Input input() {
			return new AssigningTasks.Input(assignee, text, workingDays);
		}
	}

	record DoneForm(@Nullable String note) {
	}

	/** A task given directly: {@code assignees} one person or a team. */
	record GiveForm(@Nullable String title, @Nullable String details, @Nullable List<String> assignees, @Nullable String workingDays,
			@Nullable String priority, @Nullable String document, @Nullable String conclusion, @Nullable String again, @Nullable String team) {

		DirectingTasks.Input input() {
			return new DirectingTasks.Input(title, details, assignees, workingDays, priority, document, conclusion, "true".equals(again), team);
		}

		Form form() {
			return Form.empty().value("title", title).value("details", details).value("workingDays", workingDays).value("priority", priority)
				.value("document", document).value("conclusion", conclusion).value("again", again).value("team", team)
				.value("assignees", assignees == null ? null : String.join(",", assignees));
		}
	}

	record NotesForm(@Nullable String notes) {
	}

	/** The minutes' text as the secretary rewrote it. */
	record BodyForm(@Nullable String body) {
	}

	record OpinionForm(@Nullable String opinion) {
	}
}
