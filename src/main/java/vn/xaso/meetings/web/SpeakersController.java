package vn.xaso.meetings.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.internal.HearingSpeakers;

/** Speakers on the meeting page: a member asks to speak on an item; whoever runs the meeting gives the floor and ends the turn. */
@Controller
class SpeakersController {

	private final HearingSpeakers speakers;
	private final Texts texts;

	SpeakersController(HearingSpeakers speakers, Texts texts) {
		this.speakers = speakers;
		this.texts = texts;
	}

	@PostMapping("/meetings/{id}/items/{itemId}/speakers")
	String request(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId, RedirectAttributes r) {
		return texts.step(id, r, () -> speakers.request(me, id, itemId), "meetings.done.speakRequested");
	}

	@PostMapping("/meetings/{id}/items/{itemId}/speakers/next")
	String next(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long itemId, RedirectAttributes r) {
		return texts.step(id, r, () -> speakers.next(me, id, itemId), "meetings.done.speakerStarted");
	}

	@PostMapping("/meetings/{id}/speakers/{speakerId}/end")
	String end(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long speakerId,
			MeetingForms.OpinionForm form, RedirectAttributes r) {
		return texts.step(id, r, () -> speakers.end(me, id, speakerId, form.opinion()), "meetings.done.speakerEnded");
	}
}
