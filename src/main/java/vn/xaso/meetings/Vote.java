package vn.xaso.meetings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A vote on an agenda item as shown: while open only how many voted; once closed the frozen counts and result. */
public record Vote(long id, long meetingId, long itemId, String question, boolean secret, Rule rule, List<String> options,
		int members, boolean open, int voted, @Nullable Integer present, List<Integer> counts, @Nullable Result result,
		@Nullable Instant closedAt) {

	/** Simple majority (more than half of all members) or two thirds of all members. */
	public enum Rule {
		SIMPLE, TWO_THIRDS
	}

	/** Passed, failed, or no quorum when it closed (then nothing was decided). */
	public enum Result {
		PASSED, FAILED, NO_QUORUM
	}
}
