package vn.xaso.portal.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.portal.CommuneInfo;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Posts;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The citizen app's home ({@code /app}): the person's commune and village (from the query, or saved
 * for a signed-in citizen), the notices with their village's first, and the ways in to dossiers,
 * feedback and radio replays. A plain page: installable and offline through the manifest and the
 * service worker, and usable without JavaScript.
 */
@Controller
class CitizenAppController {

	private final Units units;
	private final Villages villages;
	private final Posts posts;
	private final CommuneInfo info;
	private final MessageSource messages;

	CitizenAppController(Units units, Villages villages, Posts posts, CommuneInfo info, MessageSource messages) {
		this.messages = messages;
		this.units = units;
		this.villages = villages;
		this.posts = posts;
		this.info = info;
	}

	@GetMapping("/app")
	String app(@AuthenticationPrincipal @Nullable Object principal, PortalForms.AppQuery query, Model model) {
		var citizen = principal instanceof CitizenPrincipal c ? c : null;
		String unit = PortalForms.nz(query.unit()).strip();
		Long village = CommuneSiteController.parseLong(query.village());
		boolean saved = false;
		if (unit.isEmpty() && citizen != null) {
			var place = info.placeOf(citizen.id());
			if (place.isPresent()) {
				unit = place.get().unitCode();
				village = place.get().villageId();
				saved = true;
			}
		}
		var q = PortalForms.nz(query.q()).strip();
		model.addAttribute("q", q.length() > 100 ? q.substring(0, 100) : q);
		model.addAttribute("results", !q.isEmpty() && q.length() <= 100 ? units.searchCommunes(q, 20) : List.of());
		model.addAttribute("citizen", citizen != null);
		model.addAttribute("saved", saved);
		Unit commune = unit.matches("[0-9]{5}") ? units.find(unit).filter(u -> Unit.COMMUNE.equals(u.level())).orElse(null) : null;
		model.addAttribute("commune", commune);
		if (commune == null) {
			model.addAttribute("villages", List.of());
			model.addAttribute("village", null);
			model.addAttribute("notices", List.of());
			return "portal/app";
		}
		var list = villages.list(commune.code()).stream().filter(Village::active).toList();
		final Long wanted = village;
		var chosen = wanted == null ? null : list.stream().filter(v -> v.id() == wanted).findFirst().orElse(null);
		final Long vid = chosen == null ? null : chosen.id();
		model.addAttribute("villages", list);
		model.addAttribute("village", chosen);
		model.addAttribute("notices", posts.published(commune.code(), "notice", null, vid, 0, 10).items());
		return "portal/app";
	}

	@PostMapping("/citizen/place")
	String choosePlace(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(defaultValue = "") String unit,
			@RequestParam(defaultValue = "") String village, Locale locale, RedirectAttributes redirect) {
		try {
			info.choosePlace(me.id(), unit.strip(), CommuneSiteController.parseLong(village));
			redirect.addFlashAttribute("notice", messages.getMessage("portal.done.placeSaved", null, locale));
		}
		catch (PortalException e) {
			redirect.addFlashAttribute("problem", e.message(messages, locale));
			return "redirect:/app?unit=" + (unit.matches("[0-9]{5}") ? unit : "");
		}
		return "redirect:/app";
	}
}
