package vn.xaso.meetings.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.Vote;

/**
 * SQL for votes: {@code meeting_vote}, who voted ({@code meeting_voter}, one row per member and vote) and the ballots
 * ({@code meeting_ballot}, without the voter when the vote is secret). Voters and ballots are only ever inserted (the
 * application login may not update or delete them); a vote's result is written once, when it closes.
 */
@Component
class VoteTable {

	private static final String COLUMNS = "v.id, v.meeting_id, v.item_id, v.question, v.secret, v.rule, v.options, v.members, v.status, "
			+ "v.present, v.counts, v.result, v.closed_at, (select count(*) from meeting_voter w where w.vote_id = v.id) as voted";

	/** A new vote's fields, checked. */
	record NewVote(String unitCode, long meetingId, long itemId, String question, boolean secret, Vote.Rule rule, List<String> options,
			int members, String openedBy) {
	}

	private final JdbcClient jdbc;

	VoteTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Vote map(ResultSet rs, int row) throws SQLException {
		var closed = rs.getTimestamp("closed_at");
		var result = rs.getString("result");
		return new Vote(rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("item_id"), rs.getString("question"), rs.getBoolean("secret"),
				Vote.Rule.valueOf(rs.getString("rule")), strings(rs.getArray("options")), rs.getInt("members"),
				"OPEN".equals(rs.getString("status")), rs.getInt("voted"), (Integer) rs.getObject("present"), ints(rs.getArray("counts")),
				result == null ? null : Vote.Result.valueOf(result), closed == null ? null : closed.toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

	private static List<Integer> ints(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : List.of((Integer[]) array.getArray());
	}

	long insert(NewVote v) {
		return jdbc.sql("""
				insert into meeting_vote (unit_code, meeting_id, item_id, question, secret, rule, options, members, status, opened_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) returning id""")
			.params(v.unitCode(), v.meetingId(), v.itemId(), v.question(), v.secret(), v.rule().name(), v.options().toArray(new String[0]),
					v.members(), v.openedBy())
			.query(Long.class).single();
	}

	List<Vote> ofMeeting(long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_vote v where v.meeting_id = ? order by v.id").param(meetingId)
			.query(VoteTable::map).list();
	}

	Optional<Vote> lock(String unitCode, long meetingId, long voteId) {
		jdbc.sql("select 1 from meeting_vote where unit_code = ? and meeting_id = ? and id = ? for update").params(unitCode, meetingId, voteId)
			.query(Integer.class).optional();
		return jdbc.sql("select " + COLUMNS + " from meeting_vote v where v.unit_code = ? and v.meeting_id = ? and v.id = ?")
			.params(unitCode, meetingId, voteId).query(VoteTable::map).optional();
	}

	/** Records that the member voted; false when they already had (the second ballot is not counted). */
	boolean addVoter(String unitCode, long voteId, String username) {
		return jdbc.sql("insert into meeting_voter (unit_code, vote_id, username) values (?, ?, ?) on conflict do nothing")
			.params(unitCode, voteId, username).update() == 1;
	}

	void addBallot(String unitCode, long voteId, int choice, @Nullable String username) {
		jdbc.sql("insert into meeting_ballot (unit_code, vote_id, choice, username) values (?, ?, ?, ?)")
			.params(unitCode, voteId, choice, username).update();
	}

	boolean voted(long voteId, String username) {
		return jdbc.sql("select count(*) from meeting_voter where vote_id = ? and username = ?").params(voteId, username)
			.query(Integer.class).single() > 0;
	}

	/** The ballots per option, in the options' order. */
	List<Integer> counts(long voteId, int options) {
		var counts = new ArrayList<>(Arrays.asList(new Integer[options]));
		counts.replaceAll(c -> 0);
		jdbc.sql("select choice, count(*) from meeting_ballot where vote_id = ? group by choice").param(voteId)
			.query(rs -> {
				counts.set(rs.getInt(1), rs.getInt(2));
			});
		return List.copyOf(counts);
	}

	/** Who chose what in an open vote (never asked of a secret one). */
	List<String[]> openBallots(long voteId) {
		return jdbc.sql("select username, choice from meeting_ballot where vote_id = ? and username is not null order by username")
			.param(voteId).query((rs, n) -> new String[] { rs.getString(1), String.valueOf(rs.getInt(2)) }).list();
	}

	/** Writes the frozen result once: the row must still be open. */
	boolean close(long voteId, int present, List<Integer> counts, Vote.Result result, String by, Instant now) {
		return jdbc.sql("""
				update meeting_vote set status = 'CLOSED', present = ?, counts = ?, result = ?, closed_by = ?, closed_at = ?
				where id = ? and status = 'OPEN'""")
			.params(present, counts.toArray(new Integer[0]), result.name(), by, Timestamp.from(now), voteId).update() == 1;
	}

	/** Votes still open in the meeting (closing the meeting closes none by itself: it is refused while one is open). */
	int stillOpen(long meetingId) {
		return jdbc.sql("select count(*) from meeting_vote where meeting_id = ? and status = 'OPEN'").param(meetingId)
			.query(Integer.class).single();
	}
}
