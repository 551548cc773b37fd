package vn.xaso.meetings.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.ReadingMeetings;
import vn.xaso.meetings.internal.TakingAttendance;
import vn.xaso.platform.render.QrCodes;

/**
 * QR check-in: each invitee's personal link (and its QR code on their meeting page) opens a page with one button;
 * the invitee themself, or the secretary scanning it at the door, checks them in.
 */
@Controller
class CheckInController {

	private final ReadingMeetings reading;
	private final TakingAttendance attendance;
	private final Texts texts;

	CheckInController(ReadingMeetings reading, TakingAttendance attendance, Texts texts) {
		this.reading = reading;
		this.attendance = attendance;
		this.texts = texts;
	}

	@GetMapping("/meetings/{id}/my-qr.png")
	ResponseEntity<byte[]> myQr(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var token = reading.myToken(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/meetings/check-in/" + token).toUriString();
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(QrCodes.png(link, 240, 2));
	}

	@GetMapping("/meetings/check-in/{token}")
	String look(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String token, Model model) {
		try {
			model.addAttribute("checkIn", attendance.look(me, token));
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("token", token);
		return "meetings/checkin";
	}

	@PostMapping("/meetings/check-in/{token}")
	String checkIn(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String token, RedirectAttributes redirect) {
		try {
			var found = attendance.look(me, token);
			boolean changed = attendance.checkIn(me, token);
			redirect.addFlashAttribute("notice", texts.t(changed ? "meetings.done.checkedIn" : "meetings.done.alreadyIn",
					found.invitee().fullName()));
			return "redirect:/meetings/" + found.meeting().id();
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			redirect.addFlashAttribute("error", texts.t(e.key(), e.args()));
			return "redirect:/meetings/check-in/" + token;
		}
	}
}
