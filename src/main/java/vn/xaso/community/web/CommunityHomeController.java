package vn.xaso.community.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.community.internal.RecordingVisit;
import vn.xaso.community.internal.ReviewingFieldEntries;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.units.Villages;

/** The start page: for a member their households and follow-ups; for commune staff the villages and the team pages. */
@Controller
class CommunityHomeController {

	private final Actors actors;
	private final ReadingHouseholds households;
	private final RecordingVisit visits;
	private final Villages villages;
	private final ReviewingFieldEntries reviewing;

	CommunityHomeController(Actors actors, ReadingHouseholds households, RecordingVisit visits, Villages villages,
			ReviewingFieldEntries reviewing) {
		this.actors = actors;
		this.reviewing = reviewing;
		this.households = households;
		this.visits = visits;
		this.villages = villages;
	}

	@GetMapping("/community")
	String home(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var actor = actors.of(me);
		model.addAttribute("staff", actor.staff());
		model.addAttribute("admin", actor.admin());
		model.addAttribute("member", actor.memberId() != null);
		model.addAttribute("followUps", visits.followUps(actor));
		model.addAttribute("mine", actor.memberId() == null ? java.util.List.of() : households.list(
				new vn.xaso.community.Actor(actor.unitCode(), actor.username(), java.util.Set.of(), actor.memberId()), null, "", 0, 50).items());
		model.addAttribute("username", me.username());
		model.addAttribute("reviewCount", reviewing.count(actor));
		model.addAttribute("villageHead", actor.villageHead());
		model.addAttribute("villages", villages.list(me.unitCode()).stream().filter(v -> v.active()).toList());
		return "community/home";
	}
}
