package vn.xaso.meetings.internal;

import java.util.List;

import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.Vote;
import vn.xaso.meetings.Vote.Result;
import vn.xaso.meetings.Vote.Rule;

/**
 * The vote aggregate: OPEN → CLOSED, once. While open, a present member may cast one ballot (the voter table's key
 * refuses a second); once closed nothing is accepted and the counts and result written then never change.
 */
final class VoteBox {

	private final Vote vote;

	VoteBox(Vote vote) {
		this.vote = vote;
	}

	/** Refuses a ballot on a closed vote or with a choice that is not one of the options. */
	void checkBallot(int choice) {
		if (!vote.open()) {
			throw new MeetingsException(null, "meetings.error.voteClosed");
		}
		if (choice < 0 || choice >= vote.options().size()) {
			throw new MeetingsException("choice", "meetings.error.choice");
		}
	}

	/** The frozen result of closing now with these counts (one per option) and this many members present. */
	Result close(List<Integer> counts, int present, int quorumNeeded) {
		if (!vote.open()) {
			throw new MeetingsException(null, "meetings.error.voteClosed");
		}
		return decide(vote.rule(), vote.members(), present, quorumNeeded, counts.isEmpty() ? 0 : counts.getFirst());
	}

	/**
	 * The decision, counted on all members (as the law on local government counts: "quá nửa tổng số thành viên", "hai
	 * phần ba tổng số thành viên"): no quorum when fewer than needed are present; otherwise passed when the first option
	 * (in favour) has more than half — or at least two thirds — of all members.
	 */
	static Result decide(Rule rule, int members, int present, int quorumNeeded, int inFavour) {
		if (present < quorumNeeded) {
			return Result.NO_QUORUM;
		}
		boolean passed = switch (rule) {
			case SIMPLE -> 2 * inFavour > members;
			case TWO_THIRDS -> 3 * inFavour >= 2 * members;
		};
		return passed ? Result.PASSED : Result.FAILED;
	}

	Vote vote() {
		return vote;
	}
}
