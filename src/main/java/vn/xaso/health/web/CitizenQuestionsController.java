package vn.xaso.health.web;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.AskingTheDoctor;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Units;

/**
 * A signed-in citizen's questions to the health station: the list, the form (for the commune whose page they came
 * from, with photos), a thread with follow-ups, photos, closing and the asker's rating. A question naming a danger sign
 * shows the emergency number at once. The list offers the station of the communes the citizen deals with, and a
 * commune search, so the form is reachable from the citizen's home the first time too.
 */
@Controller
class CitizenQuestionsController {

	private final AskingTheDoctor asking;
	private final Units units;
	private final HealthTexts texts;
	private final CommunePicker communes;

	CitizenQuestionsController(AskingTheDoctor asking, Units units, HealthTexts texts, CommunePicker communes) {
		this.asking = asking;
		this.units = units;
		this.texts = texts;
		this.communes = communes;
	}

	@GetMapping("/citizen/hoi-bac-si")
	String mine(@AuthenticationPrincipal CitizenPrincipal me, HealthForms.CommuneQuery query, Model model) {
		model.addAttribute("questions", asking.mine(me));
		model.addAttribute("picked", communes.pick(me, query.words()));
		return "health/mine";
	}

	@GetMapping("/citizen/hoi-bac-si/moi/{communeCode}")
	String askForm(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String communeCode, Model model) {
		return form(communeCode, Form.empty(), model);
	}

	@PostMapping("/citizen/hoi-bac-si/moi/{communeCode}")
	String ask(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String communeCode, HealthForms.AskForm ask,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos, Model model, RedirectAttributes redirect)
			throws IOException {
		try {
			var asked = asking.ask(me, communeCode, ask.ask(HealthForms.bytes(photos)));
			redirect.addFlashAttribute("urgent", asked.urgent());
			redirect.addFlashAttribute("notice", texts.t("health.asked.notice"));
			return "redirect:/citizen/hoi-bac-si/" + asked.id();
		}
		catch (HealthException e) {
			model.addAttribute("urgent", vn.xaso.health.internal.UrgentWords.urgent(ask.form().value("title") + " " + ask.form().value("body")));
			return form(communeCode, texts.reject(ask.form(), e), model);
		}
	}

	@GetMapping("/citizen/hoi-bac-si/{id}")
	String thread(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, Model model) {
		return thread(me, id, Form.empty(), model);
	}

	@PostMapping("/citizen/hoi-bac-si/{id}/hoi-them")
	String followUp(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, HealthForms.TextForm text, Model model,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("urgent", asking.followUp(me, id, text.text()));
			redirect.addFlashAttribute("notice", texts.t("health.followUp.notice"));
			return "redirect:/citizen/hoi-bac-si/" + id;
		}
		catch (HealthException e) {
			return thread(me, id, texts.reject(text.form("body"), e), model);
		}
	}

	@GetMapping("/citizen/hoi-bac-si/{id}/anh/{photoId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @PathVariable long photoId) {
		return jpeg(asking.photo(me, id, photoId, false).orElse(null));
	}

	@GetMapping("/citizen/hoi-bac-si/{id}/anh/{photoId}/nho")
	ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @PathVariable long photoId) {
		return jpeg(asking.photo(me, id, photoId, true).orElse(null));
	}

	@PostMapping("/citizen/hoi-bac-si/{id}/danh-gia")
	String rate(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, HealthForms.RatingForm rating, Model model,
			RedirectAttributes redirect) {
		try {
			asking.rate(me, id, rating.stars() == null ? "" : rating.stars());
			redirect.addFlashAttribute("notice", texts.t("health.rated.notice"));
			return "redirect:/citizen/hoi-bac-si/" + id;
		}
		catch (HealthException e) {
			return thread(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	/** A photo's JPEG, never cached by anyone else (it is the asker's and the station's only). */
	static ResponseEntity<byte[]> jpeg(byte @Nullable [] bytes) {
		if (bytes == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(bytes);
	}

	@PostMapping("/citizen/hoi-bac-si/{id}/dong")
	String close(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			asking.close(me, id);
			redirect.addFlashAttribute("notice", texts.t("health.closed.notice"));
			return "redirect:/citizen/hoi-bac-si/" + id;
		}
		catch (HealthException e) {
			return thread(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	private String thread(CitizenPrincipal me, long id, Form form, Model model) {
		model.addAttribute("question", asking.mine(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("photos", asking.photos(me, id));
		model.addAttribute("rating", asking.rating(me, id).orElse(0));
		model.addAttribute("form", form);
		if (!model.containsAttribute("urgent")) {
			model.addAttribute("urgent", false);
		}
		return "health/question";
	}

	private String form(String communeCode, Form form, Model model) {
		model.addAttribute("commune", FaqController.commune(units, communeCode));
		model.addAttribute("form", form);
		if (!model.containsAttribute("urgent")) {
			model.addAttribute("urgent", false);
		}
		return "health/ask";
	}
}
