package vn.xaso.meetings.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingTask;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.Vote;

/** The meetings an official reaches and one meeting's whole record, as its page shows it. */
@Service
public class ReadingMeetings {

	/**
	 * One meeting as the caller sees it. {@code me}: the caller's own invitation (null for an organiser not invited);
	 * {@code myToken}: their personal check-in token; {@code votedIn}: the votes they already voted in; {@code runner}:
	 * whether they run the meeting (organiser, chair, secretary); {@code displayToken}: the room display link's secret, for
	 * them only.
	 */
	public record MeetingPage(Meeting meeting, List<Meeting.Room> rooms, List<Meeting.Invitee> invitees, List<Meeting.Item> items,
			List<Vote> votes, Meeting.Quorum quorum, List<MeetingTask> tasks, Meeting.@Nullable Invitee me, @Nullable String myToken,
			Set<Long> votedIn, boolean runner, boolean organiser, String username, @Nullable String displayToken) {

		public List<Vote> votesOf(long itemId) {
			return votes.stream().filter(v -> v.itemId() == itemId).toList();
		}

		public List<MeetingTask> tasksOf(long itemId) {
			return tasks.stream().filter(t -> t.itemId() == itemId).toList();
		}
	}

	/** An agenda item's file. */
	public record FileContent(String title, byte[] pdf) {
	}

	private final MeetingAccess access;
	private final MeetingTable meetings;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final VoteTable votes;
	private final TaskTable tasks;
	private final MeetingWork work;

	ReadingMeetings(MeetingAccess access, MeetingTable meetings, InviteeTable invitees, ItemTable items, VoteTable votes, TaskTable tasks,
			MeetingWork work) {
		this.access = access;
		this.meetings = meetings;
		this.invitees = invitees;
		this.items = items;
		this.votes = votes;
		this.tasks = tasks;
		this.work = work;
	}

	/** Organisers: every meeting of the unit; others: the meetings they are invited to (once invited). */
	public List<Meeting> list(OfficialPrincipal me) {
		return work.inTx(() -> MeetingRecord.organiser(me) ? meetings.all(me.unitCode(), 200) : meetings.of(me.unitCode(), me.username(), false, 200));
	}

	public MeetingPage page(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> {
			var record = access.visible(me, meetingId, false);
			var m = record.meeting();
			var people = invitees.list(meetingId);
			var mine = people.stream().filter(p -> p.username().equals(me.username())).findFirst().orElse(null);
			var all = votes.ofMeeting(meetingId);
			var voted = all.stream().filter(v -> votes.voted(v.id(), me.username())).map(Vote::id).collect(Collectors.toSet());
			var present = (int) people.stream().filter(Meeting.Invitee::present).count();
			var agenda = mine == null ? items.list(meetingId).stream().map(ReadingMeetings::outsider).toList() : items.list(meetingId);
			return new MeetingPage(m, meetings.rooms(meetingId), people, agenda, all,
					MeetingRecord.quorum(m.kind(), people.size(), present), tasks.ofMeeting(meetingId), mine,
					mine == null ? null : invitees.token(meetingId, me.username()).orElse(null), voted, record.runBy(me),
					MeetingRecord.organiser(me), me.username(), record.runBy(me) ? meetings.displayToken(meetingId) : null);
		});
	}

	/** An agenda item's PDF, for whoever reaches the meeting (a confidential item's: its invitees only). */
	public FileContent file(OfficialPrincipal me, long meetingId, long fileId) {
		return work.inTx(() -> {
			var c = access.document(me, meetingId, fileId);
			return new FileContent(c.title(), c.pdf());
		});
	}

	/** A confidential item as someone not invited sees it: the title, no documents. */
	static Meeting.Item outsider(Meeting.Item item) {
		return item.confidential() ? new Meeting.Item(item.id(), item.position(), item.title(), item.presenter(), item.conclusion(), true,
				List.of()) : item;
	}

	/** The caller's own check-in token for the meeting, if invited. */
	public Optional<String> myToken(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> {
			access.visible(me, meetingId, false);
			return invitees.token(meetingId, me.username());
		});
	}

	List<Meeting> upcoming(String unitCode, String username) {
		return meetings.of(unitCode, username, true, 50);
	}

	List<MeetingTask> openTasks(String unitCode, String username) {
		return tasks.of(unitCode, username, true, 100);
	}
}
