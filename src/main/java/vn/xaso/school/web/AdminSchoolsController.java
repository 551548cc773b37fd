package vn.xaso.school.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.payments.Payments;
import vn.xaso.platform.web.Form;
import vn.xaso.school.SchoolException;
import vn.xaso.school.internal.KeepingSchools;

/** The commune administrator's schools (with the account tuition goes to) and classes (with their teacher). */
@Controller
class AdminSchoolsController {

	private final KeepingSchools keeping;
	private final Payments payments;
	private final SchoolTexts texts;

	AdminSchoolsController(KeepingSchools keeping, Payments payments, SchoolTexts texts) {
		this.keeping = keeping;
		this.payments = payments;
		this.texts = texts;
	}

	@GetMapping("/school/admin")
	String overview(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), Form.empty().value("schoolYear", "2026-2027"), model);
	}

	@PostMapping("/school/admin/schools")
	String addSchool(@AuthenticationPrincipal OfficialPrincipal me, SchoolForms.SchoolForm school, Model model, RedirectAttributes redirect) {
		try {
			keeping.addSchool(me, school.input());
			redirect.addFlashAttribute("notice", texts.t("school.admin.schoolAdded"));
			return "redirect:/school/admin";
		}
		catch (SchoolException e) {
			return page(me, texts.reject(school.form(), e), Form.empty(), model);
		}
	}

	@PostMapping("/school/admin/classes")
	String addClass(@AuthenticationPrincipal OfficialPrincipal me, SchoolForms.ClassForm c, Model model, RedirectAttributes redirect) {
		try {
			keeping.addClass(me, c.input());
			redirect.addFlashAttribute("notice", texts.t("school.admin.classAdded"));
			return "redirect:/school/admin";
		}
		catch (SchoolException e) {
			return page(me, Form.empty(), texts.reject(c.form(), e), model);
		}
	}

	private String page(OfficialPrincipal me, Form schoolForm, Form classForm, Model model) {
		try {
			model.addAttribute("overview", keeping.overview(me));
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("schoolForm", schoolForm);
		model.addAttribute("classForm", classForm);
		model.addAttribute("banks", payments.vietQrBanks());
		return "school/admin";
	}
}
