package vn.xaso.meetings.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.meetings.MeetingsException;
import vn.xaso.meetings.internal.DirectingTasks;
import vn.xaso.meetings.internal.ManagingTeams;
import vn.xaso.platform.web.Form;

/**
 * Named teams for organisers (a leader, the clerk): the unit's teams with a form to create one
 * ({@code /meetings/teams}), one team's page to change its members or archive it.
 */
@Controller
class TeamsController {

	/** The team form as typed: a name and the members' usernames. */
	record TeamForm(@Nullable String name, @Nullable List<String> members) {

		Form form() {
			return Form.empty().value("name", name).value("members", members == null ? null : String.join(",", members));
		}
	}

	private final ManagingTeams teams;
	private final DirectingTasks directing;
	private final Texts texts;

	TeamsController(ManagingTeams teams, DirectingTasks directing, Texts texts) {
		this.teams = teams;
		this.directing = directing;
		this.texts = texts;
	}

	@GetMapping("/meetings/teams")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), model);
	}

	@PostMapping("/meetings/teams")
	String create(@AuthenticationPrincipal OfficialPrincipal me, TeamForm form, Model model, RedirectAttributes redirect) {
		try {
			long id = teams.create(me, form.name(), form.members());
			redirect.addFlashAttribute("notice", texts.t("meetings.done.teamCreated"));
			return "redirect:/meetings/teams/" + id;
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			return page(me, texts.reject(form.form(), e), model);
		}
	}

	private String page(OfficialPrincipal me, Form form, Model model) {
		try {
			model.addAttribute("teams", teams.list(me));
			model.addAttribute("officials", directing.choices(me).officials());
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "meetings/teams";
	}

	@GetMapping("/meetings/teams/{id}")
	String team(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		try {
			var team = teams.find(me, id);
			return team(me, team, Form.empty().value("members", String.join(",", team.usernames())), model);
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
	}

	private String team(OfficialPrincipal me, ManagingTeams.Team team, Form form, Model model) {
		model.addAttribute("team", team);
		model.addAttribute("officials", directing.choices(me).officials());
		model.addAttribute("form", form);
		return "meetings/team";
	}

	@PostMapping("/meetings/teams/{id}/members")
	String members(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, TeamForm form, Model model,
			RedirectAttributes redirect) {
		try {
			teams.members(me, id, form.members());
			redirect.addFlashAttribute("notice", texts.t("meetings.done.teamMembers"));
			return "redirect:/meetings/teams/" + id;
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			return team(me, teams.find(me, id), texts.reject(form.form(), e), model);
		}
	}

	@PostMapping("/meetings/teams/{id}/archive")
	String archive(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			return texts.step("/meetings/teams/" + id, redirect, () -> teams.archive(me, id), "meetings.done.teamArchived");
		}
		catch (MeetingsException e) {
			Texts.refuseAccess(e);
			throw e;
		}
	}
}
