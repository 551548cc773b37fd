package vn.xaso.farm.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.farm.internal.KeepingSchedules;
import vn.xaso.farm.internal.WatchingOffline;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * The farm page's schedule forms — set a schedule, skip a day, stop it — and the offline rule ("no data for N
 * minutes"). Each ends on the farm's page ({@link FarmPages}).
 */
@Controller
class FarmScheduleController {

	private final KeepingSchedules schedules;
	private final WatchingOffline offline;
	private final FarmPages pages;

	FarmScheduleController(KeepingSchedules schedules, WatchingOffline offline, FarmPages pages) {
		this.schedules = schedules;
		this.offline = offline;
		this.pages = pages;
	}

	@PostMapping("/farm/{id}/schedules")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FarmForms.ScheduleForm schedule,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> schedules.create(me, id, schedule.input()), "farm.schedule.createdNotice", "schedule-",
				schedule.form(), response, model, redirect);
	}

	@PostMapping("/farm/{id}/schedules/{scheduleId}/skip")
	String skip(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long scheduleId,
			FarmForms.SkipForm skip, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> schedules.skip(me, id, scheduleId, skip.day()), "farm.schedule.skippedNotice",
				"skip-" + scheduleId + "-", skip.form(), response, model, redirect);
	}

	@PostMapping("/farm/{id}/schedules/{scheduleId}/stop")
	String stop(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long scheduleId,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> schedules.stop(me, id, scheduleId), "farm.schedule.stoppedNotice", "schedule-", Form.empty(),
				response, model, redirect);
	}

	@PostMapping("/farm/{id}/offline-rules")
	String offline(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FarmForms.OfflineForm rule,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return pages.step(me, id, () -> offline.addRule(me, id, rule.input()), "farm.offline.addedNotice", "offline-", rule.form(),
				response, model, redirect);
	}
}
