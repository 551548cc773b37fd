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

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Villages;

/** The administrator's team pages: teams, a team's members (new accounts with a first-sign-in link), assignments. */
@Controller
class TeamController {

	private final Actors actors;
	private final FormingTeams teams;
	private final ReadingHouseholds households;
	private final Villages villages;
	private final Texts texts;
	private final PublicAddress address;

	TeamController(Actors actors, FormingTeams teams, ReadingHouseholds households, Villages villages, Texts texts,
			PublicAddress address) {
		this.address = address;
		this.actors = actors;
		this.teams = teams;
		this.households = households;
		this.villages = villages;
		this.texts = texts;
	}

	@GetMapping("/community/teams")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return teamsPage(me, Form.empty(), model);
	}

	@PostMapping("/community/teams")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @Valid @ModelAttribute("newTeam") TeamForms.NewTeam team,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return teamsPage(me, texts.reject(team.toForm(), binding), model);
		}
		try {
			long id = teams.createTeam(actors.of(me), team.name(), team.villageId());
			redirect.addFlashAttribute("notice", texts.t("community.team.saved"));
			return "redirect:/community/teams/" + id;
		}
		catch (CommunityException e) {
			return teamsPage(me, texts.reject(team.toForm(), e), model);
		}
	}

	@GetMapping("/community/teams/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return teamPage(me, id, Form.empty(), model);
	}

	@PostMapping("/community/teams/{id}/members")
	String addMember(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@Valid @ModelAttribute("newMember") TeamForms.NewMember member, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return teamPage(me, id, texts.reject(member.toForm(), binding), model);
		}
		try {
			var added = teams.addMember(actors.of(me), id, member.username(), member.fullName(), member.phone(),
					Boolean.TRUE.equals(member.leader()));
			redirect.addFlashAttribute("notice", texts.t("community.member.saved", added.username()));
			// the whole address, ready to paste into a message to the member (a bare path means nothing outside the site)
			redirect.addFlashAttribute("link", address.absolute(added.link()));
			return "redirect:/community/teams/" + id;
		}
		catch (CommunityException e) {
			return teamPage(me, id, texts.reject(member.toForm(), e), model);
		}
	}

	@PostMapping("/community/teams/{id}/assignments")
	String assign(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@Valid @ModelAttribute("assignment") TeamForms.Assignment assignment, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return teamPage(me, id, texts.reject(Form.empty(), binding), model);
		}
		try {
			var actor = actors.of(me);
			teams.team(actor, id).filter(t -> t.members().stream().anyMatch(m -> m.id() == assignment.memberId()))
				.orElseThrow(() -> new CommunityException("memberId", "community.error.noMember"));
			int n = teams.assign(actor, assignment.memberId(), assignment.householdIds());
			redirect.addFlashAttribute("notice", texts.t("community.assignment.saved", n));
			return "redirect:/community/teams/" + id;
		}
		catch (CommunityException e) {
			return teamPage(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	private String teamsPage(OfficialPrincipal me, Form form, Model model) {
		model.addAttribute("teams", teams.teams(actors.of(me)));
		model.addAttribute("villages", villages.list(me.unitCode()).stream().filter(v -> v.active()).toList());
		model.addAttribute("form", form);
		return "community/teams";
	}

	private String teamPage(OfficialPrincipal me, long id, Form form, Model model) {
		var actor = actors.of(me);
		var team = teams.team(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("team", team);
		// households of the team's village (or the commune) not yet shown as this team's, first page
		model.addAttribute("households", households.list(actor, team.villageId(), "", 0, 100).items());
		model.addAttribute("form", form);
		return "community/team";
	}
}
