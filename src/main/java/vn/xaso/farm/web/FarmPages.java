package vn.xaso.farm.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.farm.FarmException;
import vn.xaso.farm.internal.FarmDashboard;
import vn.xaso.farm.internal.KeepingSchedules;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * The farm's page and the way each of its forms ends, shared by the page's controllers: done → a notice and back to
 * the page (a redirect, so a double submit is replayed, not repeated); refused → the page again with the message at
 * the field (400 or 409), or 403/404 for another's farm.
 */
@Component
class FarmPages {

	private final FarmDashboard dashboard;
	private final KeepingSchedules schedules;
	private final Texts texts;

	FarmPages(FarmDashboard dashboard, KeepingSchedules schedules, Texts texts) {
		this.dashboard = dashboard;
		this.schedules = schedules;
		this.texts = texts;
	}

	String page(OfficialPrincipal me, long id, Form form, Model model) {
		try {
			model.addAttribute("view", dashboard.of(me, id));
			model.addAttribute("schedules", schedules.of(me, id));
		}
		catch (FarmException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "farm/dashboard";
	}

	Form reject(Form form, FarmException e, String prefix) {
		return texts.reject(form, e, prefix);
	}

	String step(OfficialPrincipal me, long id, Runnable work, String done, String prefix, Form form, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			work.run();
			redirect.addFlashAttribute("notice", texts.t(done));
			return "redirect:/farm/" + id;
		}
		catch (FarmException e) {
			var rejected = texts.reject(form, e, prefix);
			response.setStatus(Texts.status(e));
			return page(me, id, rejected, model);
		}
	}
}
