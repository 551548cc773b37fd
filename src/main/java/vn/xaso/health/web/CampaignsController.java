package vn.xaso.health.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.CampaignNotices;
import vn.xaso.health.internal.CampaignPeople;
import vn.xaso.health.internal.RunningCampaigns;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The station's vaccination campaigns: list and new, one campaign's people, reminders, attendance. */
@Controller
class CampaignsController {

	/** A new campaign as typed. */
	record CampaignForm(@Nullable String name, @Nullable String place, @Nullable String startsOn, @Nullable String phones,
			@Nullable String fromYear, @Nullable String toYear, @Nullable String source) {

		RunningCampaigns.NewCampaign input() {
			return new RunningCampaigns.NewCampaign(s(name), s(place), s(startsOn), s(phones), s(fromYear), s(toYear),
					source == null || source.isBlank() ? "school" : source);
		}

		Form form() {
			return Form.empty().value("name", name).value("place", place).value("startsOn", startsOn).value("phones", phones)
				.value("fromYear", fromYear).value("toYear", toYear).value("source", source);
		}
	}

	/** The years of birth to take from the households. */
	record YearsForm(@Nullable String fromYear, @Nullable String toYear) {
	}

	/** A person's mark: "yes" came, "no" not yet. */
	record CameForm(@Nullable String came) {
	}

	/** Who came: their phone. */
	record AttendedForm(@Nullable String phone) {
	}

	private final RunningCampaigns campaigns;
	private final CampaignPeople people;
	private final CampaignNotices notices;
	private final HealthTexts texts;
	private final Clock clock;

	CampaignsController(RunningCampaigns campaigns, CampaignPeople people, CampaignNotices notices, HealthTexts texts, Clock clock) {
		this.campaigns = campaigns;
		this.people = people;
		this.notices = notices;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/health/campaigns")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return list(me, Form.empty(), model);
	}

	@PostMapping("/health/campaigns")
	String create(@AuthenticationPrincipal OfficialPrincipal me, CampaignForm campaign, Model model, RedirectAttributes redirect) {
		try {
			long id = campaigns.create(me, campaign.input());
			redirect.addFlashAttribute("notice", texts.t("health.campaign.created"));
			return "redirect:/health/campaigns/" + id;
		}
		catch (HealthException e) {
			return list(me, texts.reject(campaign.form(), e), model);
		}
	}

	@GetMapping("/health/campaigns/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return show(me, id, Form.empty(), model);
	}

	@PostMapping("/health/campaigns/{id}/remind")
	String remind(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			int n = campaigns.remind(me, id);
			redirect.addFlashAttribute("notice", texts.t("health.campaign.reminded", n));
			return "redirect:/health/campaigns/" + id;
		}
		catch (HealthException e) {
			return show(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	@PostMapping("/health/campaigns/{id}/attended")
	String attended(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, AttendedForm came, Model model,
			RedirectAttributes redirect) {
		try {
			campaigns.attended(me, id, came.phone() == null ? "" : came.phone());
			redirect.addFlashAttribute("notice", texts.t("health.campaign.attendedNotice"));
			return "redirect:/health/campaigns/" + id;
		}
		catch (HealthException e) {
			return show(me, id, texts.reject(Form.empty().value("phone", came.phone()), e), model);
		}
	}

	@PostMapping("/health/campaigns/{id}/households")
	String fromHouseholds(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, YearsForm years, Model model,
			RedirectAttributes redirect) {
		try {
			int added = people.fromHouseholds(me, id, years.fromYear(), years.toYear());
			redirect.addFlashAttribute("notice", texts.t("health.campaign.householdsAdded", added));
			return "redirect:/health/campaigns/" + id;
		}
		catch (HealthException e) {
			return show(me, id, texts.reject(Form.empty().value("fromYear", years.fromYear()).value("toYear", years.toYear()), e), model);
		}
	}

	@PostMapping("/health/campaigns/{id}/people/{personId}")
	String mark(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long personId, CameForm came, Model model,
			RedirectAttributes redirect) {
		try {
			people.mark(me, id, personId, came.came());
			redirect.addFlashAttribute("notice", texts.t("health.campaign.attendedNotice"));
			return "redirect:/health/campaigns/" + id + "#person-" + personId;
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			return show(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	@GetMapping("/health/campaigns/{id}/print")
	String print(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		try {
			model.addAttribute("view", people.printList(me, id));
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			throw e;
		}
		return "health/campaign-print";
	}

	@PostMapping("/health/campaigns/{id}/notice")
	String publishNotice(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			notices.publish(me, id);
			redirect.addFlashAttribute("notice", texts.t("health.campaign.noticePublished"));
			return "redirect:/health/campaigns/" + id;
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			return show(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	@PostMapping("/health/campaigns/{id}/notice/withdraw")
	String withdrawNotice(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			boolean withdrawn = notices.withdraw(me, id);
			redirect.addFlashAttribute("notice", texts.t(withdrawn ? "health.campaign.noticeWithdrawn" : "health.campaign.noticeNone"));
			return "redirect:/health/campaigns/" + id;
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			return show(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	private String list(OfficialPrincipal me, Form form, Model model) {
		try {
			model.addAttribute("campaigns", campaigns.all(me));
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		model.addAttribute("thisYear", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).getYear());
		return "health/campaigns";
	}

	private String show(OfficialPrincipal me, long id, Form form, Model model) {
		try {
			model.addAttribute("view", campaigns.page(me, id));
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		model.addAttribute("thisYear", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).getYear());
		return "health/campaign";
	}

	private static String s(@Nullable String v) {
		return v == null ? "" : v;
	}
}
