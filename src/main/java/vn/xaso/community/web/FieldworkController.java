package vn.xaso.community.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

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

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.Household;
import vn.xaso.community.VisitAction;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.community.internal.RecordingVisit;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** Field work on one household: a digital-adoption survey, a visit. */
@Controller
class FieldworkController {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Actors actors;
	private final ReadingHouseholds reading;
	private final RecordingSurvey surveys;
	private final RecordingVisit visits;
	private final Texts texts;

	FieldworkController(Actors actors, ReadingHouseholds reading, RecordingSurvey surveys, RecordingVisit visits, Texts texts) {
		this.actors = actors;
		this.reading = reading;
		this.surveys = surveys;
		this.visits = visits;
		this.texts = texts;
	}

	@GetMapping("/community/households/{id}/surveys/new")
	String newSurvey(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var actor = actors.of(me);
		return surveyForm(actor, household(actor, id), Form.empty().value("surveyedOn", LocalDate.now(VIETNAM).toString())
			.value("smartphones", "0"), model);
	}

	@PostMapping("/community/households/{id}/surveys")
	String recordSurvey(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@Valid @ModelAttribute("survey") SurveyForm survey, BindingResult binding, Model model, RedirectAttributes redirect) {
		var actor = actors.of(me);
		var household = household(actor, id);
		if (binding.hasErrors()) {
			return surveyForm(actor, household, texts.reject(survey.toForm(), binding), model);
		}
		try {
			surveys.record(actor, id, survey.answers());
			redirect.addFlashAttribute("notice", texts.t("community.survey.saved"));
			return "redirect:/community/households/" + id;
		}
		catch (CommunityException e) {
			return surveyForm(actor, household, texts.reject(survey.toForm(), e), model);
		}
	}

	@GetMapping("/community/households/{id}/visits/new")
	String newVisit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var actor = actors.of(me);
		return visitForm(actor, household(actor, id), Form.empty()
			.value("visitedAt", LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES).toString()), Set.of(), model);
	}

	@PostMapping("/community/households/{id}/visits")
	String recordVisit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@Valid @ModelAttribute("visit") VisitForm visit, BindingResult binding, Model model, RedirectAttributes redirect) {
		var actor = actors.of(me);
		var household = household(actor, id);
		if (binding.hasErrors()) {
			return visitForm(actor, household, texts.reject(visit.toForm(), binding), visit.actionSet(), model);
		}
		try {
			visits.record(actor, id, visit.visitedAt().atZone(VIETNAM).toInstant(), visit.actionSet(), visit.outcome(),
					visit.followUpOn(), visit.dossierCode());
			redirect.addFlashAttribute("notice", texts.t("community.visit.saved"));
			return "redirect:/community/households/" + id;
		}
		catch (CommunityException e) {
			return visitForm(actor, household, texts.reject(visit.toForm(), e), visit.actionSet(), model);
		}
	}

	private Household household(Actor actor, long id) {
		return reading.visible(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String surveyForm(Actor actor, Household household, Form form, Model model) {
		model.addAttribute("household", household);
		if (actor.memberId() != null) {
			// The phone keeps this form for offline use; it sends the survey it started from with each entry.
			model.addAttribute("fieldUser", actor.username());
			model.addAttribute("base", surveys.latestId(actor, household.id()));
		}
		model.addAttribute("form", form);
		return "community/survey-new";
	}

	private String visitForm(Actor actor, Household household, Form form, Set<VisitAction> chosen, Model model) {
		model.addAttribute("household", household);
		if (actor.memberId() != null) {
			model.addAttribute("fieldUser", actor.username());
		}
		model.addAttribute("form", form);
		model.addAttribute("chosen", chosen);
		return "community/visit-new";
	}
}
