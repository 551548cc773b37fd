package vn.xaso.meetings.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.Vote;
import vn.xaso.meetings.VoteClosed;

/**
 * Votes on agenda items while the meeting is open. Whoever runs the meeting opens a vote (open or secret, its options,
 * simple or two-thirds majority of all members) and closes it; each member present casts one ballot — a second one,
 * or one after closing, is refused with a message. Closing counts the ballots and the members present and writes the
 * result once (quorum first, then the majority), in the audit log too.
 */
@Service
public class Voting {

	/** The vote form as typed: options one per line (empty: in favour / against / abstain). */
	public record Input(@Nullable String question, @Nullable String secret, @Nullable String rule, @Nullable String options) {
	}

	private final MeetingAccess access;
	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final VoteTable votes;
	private final MeetingWork work;
	private final org.springframework.context.MessageSource messages;

	Voting(MeetingAccess access, MeetingTable meetings, InviteeTable invitees, ItemTable items, VoteTable votes, MeetingWork work,
			org.springframework.context.MessageSource messages) {
		this.access = access;
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.votes = votes;
		this.work = work;
		this.messages = messages;
	}

	public long open(OfficialPrincipal me, long meetingId, long itemId, Input in) {
		return work.inTx(() -> {
			var record = access.runner(me, meetingId);
			var question = Entry.text("question", in.question(), 3, 300, "meetings.error.question");
			var rule = rule(in.rule());
			var options = options(in.options());
			record.require(MeetingRecord.Step.VOTE);
			if (!items.belongs(meetingId, itemId)) {
				throw new MeetingsException(null, "meetings.error.noMeeting");
			}
			long id = votes.insert(new VoteTable.NewVote(me.unitCode(), meetingId, itemId, question, "true".equals(in.secret()), rule,
					options, invitees.members(meetingId), me.username()));
			work.audit(me.unitCode(), me.username(), "meetings.vote.opened", "meeting_vote", id,
					question + " [" + rule + ("true".equals(in.secret()) ? ", secret" : ", open") + "] " + String.join(" / ", options));
			work.publish(new vn.xaso.meetings.MeetingStageChanged(me.unitCode(), meetingId));
			return id;
		});
	}

	/**
	 * One ballot of a member present. Refused: the meeting or vote is closed, the member is not checked in, or already
	 * voted (then nothing changes: the first ballot stands).
	 */
	public void cast(OfficialPrincipal me, long meetingId, long voteId, @Nullable String choice) {
		int c = choice != null && choice.matches("[0-9]") ? Integer.parseInt(choice) : -1;
		work.run(() -> {
			var m = meetings.find(me.unitCode(), meetingId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting"));
			var invitee = invitees.find(meetingId, me.username()).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting"));
			var box = new VoteBox(votes.lock(me.unitCode(), meetingId, voteId)
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
			box.checkBallot(c);
			new MeetingRecord(m).require(MeetingRecord.Step.VOTE);
			if (!invitee.present()) {
				throw new MeetingsException(null, "meetings.error.notPresent");
			}
			if (invitee.byDelegate()) {
				throw new MeetingsException(null, "meetings.error.seatByDelegate", String.valueOf(invitee.delegateName()));
			}
			if (!votes.addVoter(me.unitCode(), voteId, me.username())) {
				throw new MeetingsException(null, "meetings.error.alreadyVoted");
			}
			votes.addBallot(me.unitCode(), voteId, c, box.vote().secret() ? null : me.username());
		});
	}

	/**
	 * The ballot of a delegate checked in in an invitee's place (the delegate has no account): whoever runs the meeting
	 * (the secretary, usually) records it as the delegate says it. It is the invitee's seat's one ballot — the same key
	 * (vote, invitee) — so the invitee cannot vote too and a second ballot for the seat is refused; nothing after closing.
	 */
	public void castForDelegate(OfficialPrincipal me, long meetingId, long voteId, @Nullable String seat, @Nullable String choice) {
		int c = choice != null && choice.matches("[0-9]") ? Integer.parseInt(choice) : -1;
		work.run(() -> {
			var record = access.runner(me, meetingId);
			var box = new VoteBox(votes.lock(me.unitCode(), meetingId, voteId)
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
			box.checkBallot(c);
			record.require(MeetingRecord.Step.VOTE);
			var invitee = invitees.find(meetingId, seat == null ? "" : seat.strip())
				.filter(i -> i.present() && i.byDelegate())
				.orElseThrow(() -> new MeetingsException("seat", "meetings.error.noDelegateSeat"));
			if (!votes.addVoter(me.unitCode(), voteId, invitee.username())) {
				throw new MeetingsException(null, "meetings.error.delegateVoted", String.valueOf(invitee.delegateName()), invitee.fullName());
			}
			votes.addBallot(me.unitCode(), voteId, c, box.vote().secret() ? null : invitee.username());
			work.audit(me.unitCode(), me.username(), "meetings.vote.delegateBallot", "meeting_vote", voteId,
					invitee.username() + " by delegate " + invitee.delegateName());
		});
	}

	/** Closes the vote: counts, members present, quorum and majority, written once and audited. */
	public Vote.Result close(OfficialPrincipal me, long meetingId, long voteId) {
		return work.inTx(() -> {
			var record = access.runner(me, meetingId);
			var box = new VoteBox(votes.lock(me.unitCode(), meetingId, voteId)
				.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting")));
			var vote = box.vote();
			var counts = votes.counts(voteId, vote.options().size());
			int present = invitees.present(meetingId);
			var quorum = MeetingRecord.quorum(record.meeting().kind(), vote.members(), present);
			var result = box.close(counts, present, quorum.needed());
			votes.close(voteId, present, counts, result, me.username(), work.now());
			var shown = new ArrayList<String>();
			for (int i = 0; i < counts.size(); i++) {
				shown.add(vote.options().get(i) + " " + counts.get(i));
			}
			work.audit(me.unitCode(), me.username(), "meetings.vote.closed", "meeting_vote", voteId,
					vote.question() + ": " + String.join(", ", shown) + "; present " + present + "/" + vote.members() + " (quorum "
							+ quorum.needed() + "); " + vote.rule() + " -> " + result);
			work.publish(new VoteClosed(me.unitCode(), meetingId, voteId, result.name(), counts, present, vote.members()));
			work.publish(new vn.xaso.meetings.MeetingStageChanged(me.unitCode(), meetingId));
			return result;
		});
	}

	/** Whether the official already voted in this vote. */
	public boolean voted(long voteId, String username) {
		return work.inTx(() -> votes.voted(voteId, username));
	}


	private static Vote.Rule rule(@Nullable String typed) {
		try {
			return Vote.Rule.valueOf(typed == null ? "" : typed);
		}
		catch (IllegalArgumentException e) {
			throw new MeetingsException("rule", "meetings.error.rule");
		}
	}

	private List<String> options(@Nullable String typed) {
		var lines = new LinkedHashSet<String>();
		if (typed != null) {
			typed.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(lines::add);
		}
		if (lines.isEmpty()) {
			var vi = java.util.Locale.forLanguageTag("vi");
			return List.of(messages.getMessage("meetings.text.optionFor", null, vi), messages.getMessage("meetings.text.optionAgainst", null, vi),
					messages.getMessage("meetings.text.optionAbstain", null, vi));
		}
		if (lines.size() < 2 || lines.size() > 6 || lines.stream().anyMatch(s -> s.length() > 100)) {
			throw new MeetingsException("options", "meetings.error.options");
		}
		return List.copyOf(lines);
	}
}
