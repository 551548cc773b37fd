package vn.xaso.community.web;

import java.time.LocalDate;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.community.internal.RecordingVisit;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Villages;

/** The household list per village (search, pages, masked numbers), the new-household form and the full record (audited). */
@Controller
class HouseholdController {

	private final Actors actors;
	private final ReadingHouseholds reading;
	private final RegisteringHousehold registering;
	private final RecordingSurvey surveys;
	private final RecordingVisit visits;
	private final Villages villages;
	private final Texts texts;

	HouseholdController(Actors actors, ReadingHouseholds reading, RegisteringHousehold registering, RecordingSurvey surveys,
			RecordingVisit visits, Villages villages, Texts texts) {
		this.actors = actors;
		this.reading = reading;
		this.registering = registering;
		this.surveys = surveys;
		this.visits = visits;
		this.villages = villages;
		this.texts = texts;
	}

	@GetMapping("/community/households")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String village,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		var actor = actors.of(me);
		var query = q.length() > 100 ? q.substring(0, 100) : q;
		Long villageId = village.matches("[0-9]{1,12}") ? Long.valueOf(village) : null;
		var pageNo = Math.max(0, Math.min(page, 100_000));
		var result = reading.list(actor, villageId, query, pageNo * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE);
		model.addAttribute("items", result.items());
		model.addAttribute("paging", Paging.of(pageNo, result.total(), "/community/households",
				Map.of("village", villageId == null ? "" : villageId.toString(), "q", query)));
		model.addAttribute("villages", villages.list(me.unitCode()).stream()
			.filter(v -> !actor.villageHead() || java.util.Objects.equals(v.id(), actor.villageId())).toList());
		model.addAttribute("readOnly", actor.villageHead());
		model.addAttribute("canExport", actor.staff() || actor.villageHead());
		model.addAttribute("village", villageId == null ? "" : villageId.toString());
		model.addAttribute("q", query);
		model.addAttribute("member", actor.memberId() != null && !actor.staff());
		return "community/households";
	}

	@GetMapping("/community/households/new")
	String newForm(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return form(me, Form.empty().value("consentOn", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString()), model);
	}

	@PostMapping("/community/households")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @Valid @ModelAttribute("household") HouseholdForm household,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		var form = household.toForm();
		if (binding.hasErrors()) {
			return form(me, texts.reject(form, binding), model);
		}
		try {
			long id = registering.register(actors.of(me), household.input());
			redirect.addFlashAttribute("notice", texts.t("community.household.saved"));
			return "redirect:/community/households/" + id;
		}
		catch (CommunityException e) {
			return form(me, texts.reject(form, e), model);
		}
	}

	@GetMapping("/community/households/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var actor = actors.of(me);
		var household = reading.read(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("household", household);
		model.addAttribute("surveys", surveys.history(actor, id));
		model.addAttribute("visits", visits.ofHousehold(actor, id));
		model.addAttribute("canVisit", actor.memberId() != null && id == household.id()
				&& actor.memberId().equals(household.memberId()));
		model.addAttribute("canSurvey", !actor.villageHead());
		var address = reading.address(actor, id);
		model.addAttribute("addressId", address.map(ReadingHouseholds.Address::id).orElse(null));
		model.addAttribute("addressCoded", address.map(ReadingHouseholds.Address::coded).orElse(false));
		return "community/household";
	}

	private String form(OfficialPrincipal me, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("villages", villages.list(me.unitCode()).stream().filter(v -> v.active()).toList());
		return "community/household-new";
	}
}
