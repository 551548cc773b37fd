package vn.xaso.meetings.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.internal.AssigningTasks;
import vn.xaso.meetings.internal.InvitingMembers;
import vn.xaso.meetings.internal.RunningMeeting;
import vn.xaso.meetings.internal.TakingAttendance;
import vn.xaso.meetings.internal.Voting;
import vn.xaso.meetings.internal.WritingMinutes;

/**
 * The steps on a meeting's page: an invitee's reply and ballot; the secretary's attendance marks; opening and closing
 * the meeting and its votes, conclusions, tasks; the minutes and their signatures. Each goes back to the page with a
 * notice or the refusal's message.
 */
@Controller
class RunController {

	private final InvitingMembers inviting;
	private final TakingAttendance attendance;
	private final RunningMeeting running;
	private final Voting voting;
	private final WritingMinutes minutes;
	private final AssigningTasks tasks;
	private final Texts texts;

	RunController(InvitingMembers inviting, TakingAttendance attendance, RunningMeeting running, Voting voting, WritingMinutes minutes,
			AssigningTasks tasks, Texts texts) {
		this.inviting = inviting;
		this.attendance = attendance;
		this.running = running;
		this.voting = voting;
		this.minutes = minutes;
		this.tasks = tasks;
		this.texts = texts;
	}

	@PostMapping("/meetings/{id}/reply")
	String reply(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.ReplyForm form, RedirectAttributes r) {
		return texts.step(id, r, () -> inviting.reply(me, id, form.input()), "meetings.done.replied");
	}

	@PostMapping("/meetings/{id}/attendance")
	String attendance(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.AttendanceForm form,
			RedirectAttributes r) {
		return texts.step(id, r, () -> attendance.mark(me, id, form.username() == null ? "" : form.username(), form.isPresent(), form.byDelegate()),
				"meetings.done.attendance");
	}

	@PostMapping("/meetings/{id}/open")
	String open(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes r) {
		return texts.step(id, r, () -> running.open(me, id), "meetings.done.opened");
	}

	@PostMapping("/meetings/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes r) {
		return texts.step(id, r, () -> running.close(me, id), "meetings.done.closed");
	}

	@PostMapping("/meetings/{id}/items/{itemId}/current")
	String current(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId, RedirectAttributes r) {
		return texts.step(id, r, () -> running.current(me, id, itemId), "meetings.done.current");
	}

	@PostMapping("/meetings/{id}/items/{itemId}/conclusion")
	String conclusion(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId,
			MeetingForms.ConclusionForm form, RedirectAttributes r) {
		return texts.step(id, r, () -> running.conclude(me, id, itemId, form.conclusion()), "meetings.done.concluded");
	}

	@PostMapping("/meetings/{id}/items/{itemId}/votes")
	String openVote(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId,
			MeetingForms.VoteForm form, RedirectAttributes r) {
		return texts.step(id, r, () -> voting.open(me, id, itemId, form.input()), "meetings.done.voteOpened");
	}

	@PostMapping("/meetings/{id}/votes/{voteId}/ballot")
	String ballot(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long voteId,
			MeetingForms.BallotForm form, RedirectAttributes r) {
		return texts.step(id, r, () -> voting.cast(me, id, voteId, form.choice()), "meetings.done.voted");
	}

	@PostMapping("/meetings/{id}/votes/{voteId}/delegate-ballot")
	String delegateBallot(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long voteId,
			MeetingForms.DelegateBallotForm form, RedirectAttributes r) {
		return texts.step(id, r, () -> voting.castForDelegate(me, id, voteId, form.seat(), form.choice()), "meetings.done.delegateVoted");
	}

	@PostMapping("/meetings/{id}/votes/{voteId}/close")
	String closeVote(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long voteId,
			RedirectAttributes r) {
		return texts.step(id, r, () -> voting.close(me, id, voteId), "meetings.done.voteClosed");
	}

	@PostMapping("/meetings/{id}/items/{itemId}/tasks")
	String task(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId, MeetingForms.TaskForm form,
			RedirectAttributes r) {
		return texts.step(id, r, () -> tasks.assign(me, id, itemId, form.input()), "meetings.done.task");
	}

	@PostMapping("/meetings/{id}/minutes")
	String draftMinutes(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes r) {
		return texts.step(id, r, () -> minutes.draft(me, id), "meetings.done.minutes");
	}

	@PostMapping("/meetings/{id}/minutes/sign")
	String signMinutes(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.SignForm form,
			RedirectAttributes r) {
		return texts.step(id, r, () -> minutes.sign(me, id, form.chars()), "meetings.done.signed");
	}
}
