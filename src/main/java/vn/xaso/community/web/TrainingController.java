package vn.xaso.community.web;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.PlanningTrainings;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** Training sessions (at touch points: {@link TouchPointController}) with attendance by household. */
@Controller
class TrainingController {

	private final Actors actors;
	private final PlanningTrainings trainings;
	private final ReadingHouseholds households;
	private final Texts texts;
	private final vn.xaso.community.internal.TrainingMaterials materials;

	TrainingController(Actors actors, PlanningTrainings trainings, ReadingHouseholds households, Texts texts,
			vn.xaso.community.internal.TrainingMaterials materials) {
		this.actors = actors;
		this.materials = materials;
		this.trainings = trainings;
		this.households = households;
		this.texts = texts;
	}

	@GetMapping("/community/trainings")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), model);
	}

	@PostMapping("/community/trainings")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @Valid @ModelAttribute("newTraining") TrainingForms.NewTraining training,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(me, texts.reject(training.toForm(), binding), model);
		}
		try {
			long id = trainings.addTraining(actors.of(me), training.topic(), training.trainer(), training.heldOn(), training.touchPointId());
			redirect.addFlashAttribute("notice", texts.t("community.training.saved"));
			return "redirect:/community/trainings/" + id;
		}
		catch (CommunityException e) {
			return page(me, texts.reject(training.toForm(), e), model);
		}
	}

	@GetMapping("/community/trainings/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return trainingPage(me, id, Form.empty(), model);
	}

	@PostMapping("/community/trainings/{id}/attendance")
	String attend(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@Valid @ModelAttribute("attendance") TrainingForms.Attendance attendance, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return trainingPage(me, id, texts.reject(Form.empty(), binding), model);
		}
		try {
			int n = trainings.recordAttendance(actors.of(me), id, attendance.householdIds());
			redirect.addFlashAttribute("notice", texts.t("community.attendance.saved", n));
			return "redirect:/community/trainings/" + id;
		}
		catch (CommunityException e) {
			return trainingPage(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	private String page(OfficialPrincipal me, Form trainingForm, Model model) {
		var actor = actors.of(me);
		model.addAttribute("trainings", trainings.trainings(actor));
		model.addAttribute("points", trainings.touchPoints(actor));
		model.addAttribute("form", trainingForm);
		return "community/trainings";
	}

	private String trainingPage(OfficialPrincipal me, long id, Form form, Model model) {
		var actor = actors.of(me);
		var training = trainings.training(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("training", training);
		model.addAttribute("attendees", trainings.attendees(actor, id));
		model.addAttribute("materials", materials.list(actor, id));
		model.addAttribute("canUpload", actor.staff() || actor.memberId() != null);
		model.addAttribute("households", households.list(actor, null, "", 0, 100).items());
		model.addAttribute("form", form);
		return "community/training";
	}
}
