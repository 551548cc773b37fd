package vn.xaso.meetings.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.Vote;

/**
 * The room display (projector): the meeting's item taken up now, who has the floor with the time left, and the item's
 * latest vote — how many voted while open, the tally and result once closed — and the quorum. Names only, nothing
 * personal more; a confidential item shows its title with "Nội dung mật", never its documents. For whoever reaches the
 * meeting, and for anyone holding the display's link (the projector's browser, signed in as nobody).
 */
@Service
public class RoomDisplay {

	/** What the display shows now; {@code speakerEndsAt}: when the speaker's time runs out (the page counts down to it). */
	public record Stage(long meetingId, String title, Meeting.Status status, Meeting.Quorum quorum, Meeting.@Nullable Item item,
			@Nullable String speaker, @Nullable Instant speakerEndsAt, @Nullable Vote vote, Instant at) {

		public long secondsLeft() {
			return speakerEndsAt == null ? 0 : java.time.Duration.between(at, speakerEndsAt).toSeconds();
		}
	}

	private final SpeakerTable speakers;
	private final VoteTable votes;
	private final ItemTable items;
	private final InviteeTable invitees;
	private final MeetingTable meetings;
	private final MeetingAccess access;
	private final MeetingWork work;

	RoomDisplay(SpeakerTable speakers, VoteTable votes, ItemTable items, InviteeTable invitees, MeetingTable meetings, MeetingAccess access,
			MeetingWork work) {
		this.speakers = speakers;
		this.votes = votes;
		this.items = items;
		this.invitees = invitees;
		this.meetings = meetings;
		this.access = access;
		this.work = work;
	}

	/** The display for a signed-in official who reaches the meeting. */
	public Stage stage(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> stage(access.visible(me, meetingId, false).meeting()));
	}

	/** The display by its link: the unit in the link and the secret; anything else is "not found". */
	public Stage shown(String unitCode, String token) {
		if (!unitCode.matches("[0-9A-Za-z_-]{1,20}") || !token.matches("[0-9a-f]{64}")) {
			throw new MeetingsException(null, "meetings.error.noMeeting");
		}
		return work.asUnit(unitCode, () -> stage(meetings.byDisplayToken(unitCode, token)
			.orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting"))));
	}

	/** The display's link secret, for whoever runs the meeting. */
	public Optional<String> token(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> {
			var record = access.visible(me, meetingId, false);
			return record.runBy(me) ? Optional.of(meetings.displayToken(meetingId)) : Optional.empty();
		});
	}

	private Stage stage(Meeting m) {
		var quorum = MeetingRecord.quorum(m.kind(), invitees.members(m.id()), invitees.present(m.id()));
		var current = meetings.currentItem(m.id())
			.flatMap(id -> items.list(m.id()).stream().filter(i -> i.id() == id).findFirst())
			.map(ReadingMeetings::outsider)
			.orElse(null);
		var speaking = speakers.speaking(m.id()).orElse(null);
		var vote = current == null ? null : votes.ofMeeting(m.id()).stream().filter(v -> v.itemId() == current.id())
			.max(Comparator.comparingLong(Vote::id)).orElse(null);
		return new Stage(m.id(), m.title(), m.status(), quorum, current, speaking == null ? null : speaking.fullName(),
				speaking == null ? null : speaking.endsAt(), vote, work.now());
	}
}
