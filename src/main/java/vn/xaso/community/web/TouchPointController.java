package vn.xaso.community.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.addresses.AddressMaps;
import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.MapView;
import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.PlanningTrainings;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The commune's digital touch points (cultural houses, post offices… with internet or a TV): a list with each
 * point's village, hours, plus code and coming trainings, drawn on the address pages' map when a tile server is set
 * (the list alone otherwise, and without JavaScript); the administrator adds points here.
 */
@Controller
class TouchPointController {

	private final Actors actors;
	private final PlanningTrainings trainings;
	private final Villages villages;
	private final Addresses addresses;
	private final AddressMaps maps;
	private final Texts texts;

	TouchPointController(Actors actors, PlanningTrainings trainings, Villages villages, Addresses addresses, AddressMaps maps,
			Texts texts) {
		this.actors = actors;
		this.trainings = trainings;
		this.villages = villages;
		this.addresses = addresses;
		this.maps = maps;
		this.texts = texts;
	}

	@GetMapping("/community/touch-points")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), model);
	}

	@PostMapping("/community/touch-points")
	String add(@AuthenticationPrincipal OfficialPrincipal me, @Valid @ModelAttribute("newTouchPoint") TrainingForms.NewTouchPoint point,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(me, texts.reject(point.toForm(), binding), model);
		}
		try {
			long id = trainings.addTouchPoint(actors.of(me), point.name(), point.villageId(), point.hours(), point.latitude(),
					point.longitude());
			redirect.addFlashAttribute("notice", texts.t("community.touchPoint.saved"));
			return "redirect:/community/touch-points#tp-" + id;
		}
		catch (CommunityException e) {
			return page(me, texts.reject(point.toForm(), e), model);
		}
	}

	private String page(OfficialPrincipal me, Form form, Model model) {
		var actor = actors.of(me);
		var active = villages.list(me.unitCode()).stream().filter(Village::active).toList();
		var names = villages.list(me.unitCode()).stream().collect(Collectors.toMap(Village::id, Village::fullName, (a, b) -> a));
		var today = LocalDate.now(FieldworkController.VIETNAM);
		Map<Long, List<PlanningTrainings.Training>> coming = trainings.trainings(actor).stream()
			.filter(t -> t.touchPointId() != null && !t.heldOn().isBefore(today))
			.sorted(java.util.Comparator.comparing(PlanningTrainings.Training::heldOn))
			.collect(Collectors.groupingBy(PlanningTrainings.Training::touchPointId, Collectors.toList()));
		var points = trainings.touchPoints(actor).stream().map(p -> new TouchPointLine(p.id(), p.name(),
				p.villageId() == null ? null : names.get(p.villageId()), p.hours(),
				p.latitude() == null ? null : p.latitude().toPlainString(), p.longitude() == null ? null : p.longitude().toPlainString(),
				p.latitude() == null ? null
						: addresses.plusCode(p.latitude().doubleValue(), p.longitude().doubleValue()).orElse(null),
				coming.getOrDefault(p.id(), List.of()).stream().limit(3).toList())).toList();
		var map = maps.view(me.unitCode());
		var pinned = points.stream().filter(p -> p.lat() != null).toList();
		if (pinned.size() == 1) { // one pin: the map opens on it (with more, the script fits them all)
			map = new MapView(map.tiles(), map.attribution(), pinned.getFirst().lat(), pinned.getFirst().lon(), map.zoom());
		}
		model.addAttribute("points", points);
		model.addAttribute("map", map);
		model.addAttribute("villages", active);
		model.addAttribute("form", form);
		model.addAttribute("admin", actor.admin());
		model.addAttribute("trainingsOpen", actor.staff() || actor.memberId() != null);
		return "community/touch-points";
	}
}
