package vn.xaso.meetings.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;

/**
 * Speakers while the meeting is open: a member who is checked in asks to speak on an agenda item and waits in line;
 * whoever runs the meeting gives the floor to the first in line — one speaker at a time, each with a time limit that
 * the page counts down from (the timer) — and ends the turn, recording the opinion as said. The opinions go into the
 * minutes under their item.
 */
@Service
public class HearingSpeakers {

	/** Three minutes per turn, as commune meetings usually allow. */
	static final int LIMIT_SECONDS = 180;

	/** Where a request to speak stands. */
	public enum Turn {
		WAITING, SPEAKING, DONE
	}

	/** A request to speak on an item, with its turn's times and the opinion recorded. */
	public record Speaker(long id, long itemId, String username, String fullName, Turn turn, int limitSeconds, Instant requestedAt,
			@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String opinion) {

		/** When the turn's time runs out (null before it started). */
		public @Nullable Instant endsAt() {
			return startedAt == null ? null : startedAt.plusSeconds(limitSeconds);
		}

		/** Seconds left of the turn at {@code now} (negative: over time); 0 when not speaking. */
		public long secondsLeft(Instant now) {
			return turn != Turn.SPEAKING || startedAt == null ? 0 : Duration.between(now, startedAt.plusSeconds(limitSeconds)).toSeconds();
		}
	}

	private final MeetingAccess access;
	private final InviteeTable invitees;
	private final ItemTable items;
	private final SpeakerTable speakers;
	private final MeetingWork work;

	HearingSpeakers(MeetingAccess access, InviteeTable invitees, ItemTable items, SpeakerTable speakers, MeetingWork work) {
		this.access = access;
		this.invitees = invitees;
		this.items = items;
		this.speakers = speakers;
		this.work = work;
	}

	/** A member checked in asks to speak on an item of the open meeting; once in line at a time. */
	public void request(OfficialPrincipal me, long meetingId, long itemId) {
		work.run(() -> {
			var record = access.visible(me, meetingId, true);
			record.require(MeetingRecord.Step.VOTE);
			if (!items.belongs(meetingId, itemId)) {
				throw new MeetingsException(null, "meetings.error.noMeeting");
			}
			var invitee = invitees.find(meetingId, me.username()).orElseThrow(() -> new MeetingsException(null, "meetings.error.notInvitee"));
			if (!invitee.present()) {
				throw new MeetingsException(null, "meetings.error.speakNotPresent");
			}
			if (!speakers.request(me.unitCode(), meetingId, itemId, me.username(), invitee.fullName(), LIMIT_SECONDS, work.now())) {
				throw new MeetingsException(null, "meetings.error.alreadyInLine");
			}
			work.audit(me.unitCode(), me.username(), "meetings.speaker.requested", "meeting_item", itemId, me.username());
		});
	}

	/** Whoever runs the meeting gives the floor to the first in line on the item; refused while someone speaks. */
	public void next(OfficialPrincipal me, long meetingId, long itemId) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			record.require(MeetingRecord.Step.VOTE);
			if (speakers.speaking(meetingId).isPresent()) {
				throw new MeetingsException(null, "meetings.error.someoneSpeaking");
			}
			var first = speakers.nextWaiting(meetingId, itemId).orElseThrow(() -> new MeetingsException(null, "meetings.error.nobodyWaiting"));
			speakers.start(first.id(), work.now());
			work.audit(me.unitCode(), me.username(), "meetings.speaker.started", "meeting_item", itemId, first.username());
			work.publish(new vn.xaso.meetings.MeetingStageChanged(me.unitCode(), meetingId));
		});
	}

	/** Ends the speaker's turn with the opinion as recorded (up to 4,000 characters, may be empty). */
	public void end(OfficialPrincipal me, long meetingId, long speakerId, @Nullable String opinion) {
		work.run(() -> {
			var record = access.runner(me, meetingId);
			record.require(MeetingRecord.Step.VOTE);
			var speaker = speakers.find(meetingId, speakerId).orElseThrow(() -> new MeetingsException(null, "meetings.error.noMeeting"));
			var text = Entry.optional("opinion", opinion, 4000, "meetings.error.opinion");
			if (speaker.turn() != Turn.SPEAKING) {
				throw new MeetingsException(null, "meetings.error.notSpeaking");
			}
			speakers.end(speakerId, text, work.now());
			work.audit(me.unitCode(), me.username(), "meetings.speaker.ended", "meeting_item", speaker.itemId(),
					speaker.username() + (text == null ? "" : ": " + text));
			work.publish(new vn.xaso.meetings.MeetingStageChanged(me.unitCode(), meetingId));
		});
	}

	/** The meeting's speakers for its page (whoever reaches the meeting). */
	public List<Speaker> of(OfficialPrincipal me, long meetingId) {
		return work.inTx(() -> {
			access.visible(me, meetingId, false);
			return speakers.ofMeeting(meetingId);
		});
	}
}
