package vn.xaso.meetings.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.RoomDisplay;

/**
 * The room display (projector) of a meeting: for whoever reaches the meeting, and by its link (unit and secret) for a
 * browser signed in as nobody. The page reloads its content on each server-sent event of its stream; without
 * JavaScript it refreshes itself every few seconds.
 */
@Controller
class DisplayController {

	private final RoomDisplay display;
	private final DisplayStream stream;

	DisplayController(RoomDisplay display, DisplayStream stream) {
		this.display = display;
		this.stream = stream;
	}

	@GetMapping("/meetings/{id}/display")
	String mine(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		model.addAttribute("stage", display.stage(me, id));
		model.addAttribute("events", "/meetings/" + id + "/display/events");
		return "meetings/display";
	}

	@GetMapping(path = "/meetings/{id}/display/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> myEvents(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		return events(display.stage(me, id));
	}

	@GetMapping("/meetings/display/{unit}/{token}")
	String shown(@PathVariable String unit, @PathVariable String token, Model model) {
		model.addAttribute("stage", found(unit, token));
		model.addAttribute("events", "/meetings/display/" + unit + "/" + token + "/events");
		return "meetings/display";
	}

	@GetMapping(path = "/meetings/display/{unit}/{token}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> shownEvents(@PathVariable String unit, @PathVariable String token) {
		return events(found(unit, token));
	}

	private RoomDisplay.Stage found(String unit, String token) {
		try {
			return display.shown(unit, token);
		}
		catch (MeetingsException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private ResponseEntity<SseEmitter> events(RoomDisplay.Stage stage) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
			.header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE).body(stream.open(stage.meetingId(), stage.status() != vn.xaso.meetings.Meeting.Status.CLOSED));
	}
}
