package vn.xaso.cameras.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.internal.RecordingIncidents;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/** The police post's incidents: the list (search, pages), recording one with a snapshot, one incident, follow-ups, closing. */
@Controller
class IncidentController {

	private final RecordingIncidents incidents;
	private final CameraTexts texts;

	IncidentController(RecordingIncidents incidents, CameraTexts texts) {
		this.incidents = incidents;
		this.texts = texts;
	}

	@GetMapping("/cameras/incidents")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String camera, Model model) {
		return list(me, q, page, Form.of(Form.pairs("cameraId", camera)), model);
	}

	@PostMapping("/cameras/incidents")
	String record(@AuthenticationPrincipal OfficialPrincipal me, CameraForms.IncidentForm incident,
			@RequestParam(name = "snapshot", required = false) @Nullable MultipartFile snapshot, HttpServletResponse response, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			long id = incidents.record(me, incident.input(), snapshot == null || snapshot.isEmpty() ? null : snapshot.getBytes());
			redirect.addFlashAttribute("notice", texts.t("cameras.incident.recordedNotice"));
			return "redirect:/cameras/incidents/" + id;
		}
		catch (CameraException e) {
			var form = texts.reject(incident.form(), e);
			response.setStatus(CameraTexts.status(e));
			return list(me, null, 0, form, model);
		}
	}

	@GetMapping("/cameras/incidents/{id}")
	String one(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return one(me, id, Form.empty(), model);
	}

	@GetMapping("/cameras/incidents/{id}/snapshot")
	ResponseEntity<byte[]> snapshot(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		try {
			return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
				.body(incidents.snapshot(me, id));
		}
		catch (CameraException e) {
			CameraTexts.refuseAccess(e);
			throw e;
		}
	}

	@PostMapping("/cameras/incidents/{id}/follow-ups")
	String followUp(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, CameraForms.FollowUpForm followUp,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			incidents.followUp(me, id, followUp.followUp());
			redirect.addFlashAttribute("notice", texts.t("cameras.incident.followedUpNotice"));
			return "redirect:/cameras/incidents/" + id;
		}
		catch (CameraException e) {
			var form = texts.reject(followUp.form(), e);
			response.setStatus(CameraTexts.status(e));
			return one(me, id, form, model);
		}
	}

	@PostMapping("/cameras/incidents/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		incidents.close(me, id);
		redirect.addFlashAttribute("notice", texts.t("cameras.incident.closedNotice"));
		return "redirect:/cameras/incidents/" + id;
	}

	private String list(OfficialPrincipal me, @Nullable String q, int page, Form form, Model model) {
		var found = incidents.list(me, q, page);
		model.addAttribute("incidents", found.items());
		model.addAttribute("paging", Paging.of(page, found.total(), "/cameras/incidents", Map.of("q", q == null ? "" : q)));
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("cameras", incidents.cameras(me));
		model.addAttribute("form", form);
		return "cameras/incidents";
	}

	private String one(OfficialPrincipal me, long id, Form form, Model model) {
		try {
			model.addAttribute("view", incidents.one(me, id));
		}
		catch (CameraException e) {
			CameraTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "cameras/incident";
	}
}
