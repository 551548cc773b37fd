package vn.xaso.meetings.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.HearingSpeakers;
import vn.xaso.meetings.internal.InvitingMembers;
import vn.xaso.meetings.internal.Officials;
import vn.xaso.meetings.internal.ReadingMeetings;
import vn.xaso.meetings.internal.SchedulingMeeting;
import vn.xaso.meetings.internal.WritingMinutes;
import vn.xaso.platform.web.Form;

/** The meetings list, scheduling a meeting, one meeting's page, its files and minutes (with the secretary's text). */
@Controller
class MeetingsController {

	private final ReadingMeetings reading;
	private final SchedulingMeeting scheduling;
	private final WritingMinutes minutes;
	private final Officials officials;
	private final InvitingMembers inviting;
	private final HearingSpeakers speakers;
	private final Texts texts;

	MeetingsController(ReadingMeetings reading, SchedulingMeeting scheduling, WritingMinutes minutes, Officials officials,
			InvitingMembers inviting, HearingSpeakers speakers, Texts texts) {
		this.reading = reading;
		this.scheduling = scheduling;
		this.minutes = minutes;
		this.officials = officials;
		this.inviting = inviting;
		this.speakers = speakers;
		this.texts = texts;
	}

	@GetMapping("/meetings")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("meetings", reading.list(me));
		return "meetings/list";
	}

	@GetMapping("/meetings/new")
	String newForm(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return form(me, Form.empty().value("kind", "COMMITTEE").value("time", "08:00"), model);
	}

	@PostMapping("/meetings")
	String create(@AuthenticationPrincipal OfficialPrincipal me, MeetingForms.MeetingForm meeting, Model model,
			RedirectAttributes redirect) {
		try {
			long id = scheduling.schedule(me, meeting.input());
			redirect.addFlashAttribute("notice", texts.t("meetings.done.scheduled"));
			return "redirect:/meetings/" + id;
		}
		catch (MeetingsException e) {
			return form(me, texts.reject(meeting.form(), e), model);
		}
	}

	@GetMapping("/meetings/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var page = reading.page(me, id);
		model.addAttribute("m", page);
		model.addAttribute("minutes", minutes.state(id).orElse(null));
		model.addAttribute("invitation", inviting.invitation(me, page.meeting()).orElse(null));
		model.addAttribute("speakers", speakers.of(me, id));
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("officials", page.runner() ? officials.of(me.unitCode()) : java.util.List.of());
		model.addAttribute("versions", page.meeting().status() == vn.xaso.meetings.Meeting.Status.CLOSED ? minutes.versions(me, id) : java.util.List.of());
		return "meetings/meeting";
	}

	@GetMapping("/meetings/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long fileId) {
		var file = reading.file(me, id, fileId);
		return pdf(file.pdf(), file.title());
	}

	@GetMapping("/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> minutesPdf(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var pdf = minutes.pdf(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return pdf(pdf, "bien-ban-hop-" + id);
	}

	@PostMapping("/meetings/{id}/minutes/notes")
	String minutesNotes(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.NotesForm form,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> minutes.edit(me, id, form.notes()), "meetings.done.minutesEdited");
	}

	/** The secretary rewrites the minutes' text before signing (a new version). */
	@PostMapping("/meetings/{id}/minutes/text")
	String minutesText(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, MeetingForms.BodyForm form,
			RedirectAttributes redirect) {
		return texts.step(id, redirect, () -> minutes.rewrite(me, id, form.body()), "meetings.done.minutesRewritten");
	}

	private static ResponseEntity<byte[]> pdf(byte[] content, String name) {
		var ascii = vn.xaso.platform.VietnameseText.fold(name).replaceAll("[^A-Za-z0-9-]+", "-");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(ascii + ".pdf", StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	private String form(OfficialPrincipal me, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("officials", officials.of(me.unitCode()));
		return "meetings/new";
	}
}
