package vn.xaso.meetings;

/** A vote closed; its result and counts are frozen. */
public record VoteClosed(String unitCode, long meetingId, long voteId, String result, java.util.List<Integer> counts, int present, int members) {
}
