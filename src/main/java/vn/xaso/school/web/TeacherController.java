package vn.xaso.school.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.school.SchoolException;
import vn.xaso.school.internal.TeachingClasses;

/** A teacher's classes: pupils, the contact book with replies, notes, fees and who has not paid. */
@Controller
class TeacherController {

	private final TeachingClasses teaching;
	private final SchoolTexts texts;

	TeacherController(TeachingClasses teaching, SchoolTexts texts) {
		this.teaching = teaching;
		this.texts = texts;
	}

	@GetMapping("/school")
	String classes(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		try {
			model.addAttribute("classes", teaching.mine(me));
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			throw e;
		}
		return "school/classes";
	}

	@GetMapping("/school/classes/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return show(me, id, Form.empty(), Form.empty(), Form.empty(), model);
	}

	@PostMapping("/school/classes/{id}/pupils")
	String addPupil(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, SchoolForms.PupilForm pupil, Model model,
			RedirectAttributes redirect) {
		try {
			teaching.addPupil(me, id, pupil.input());
			return done(id, "school.class.pupilAdded", redirect);
		}
		catch (SchoolException e) {
			return show(me, id, texts.reject(pupil.form(), e), Form.empty(), Form.empty(), model);
		}
	}

	@PostMapping("/school/classes/{id}/notes")
	String writeNote(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, SchoolForms.NoteForm note, Model model,
			RedirectAttributes redirect) {
		try {
			teaching.writeNote(me, id, note.pupilId(), SchoolForms.s(note.body()));
			return done(id, "school.class.noteWritten", redirect);
		}
		catch (SchoolException e) {
			return show(me, id, Form.empty(), texts.reject(note.form(), e), Form.empty(), model);
		}
	}

	@PostMapping("/school/classes/{id}/fees")
	String openFee(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, SchoolForms.FeeForm fee, Model model,
			RedirectAttributes redirect) {
		try {
			teaching.openFee(me, id, SchoolForms.s(fee.title()), SchoolForms.s(fee.amount()));
			return done(id, "school.class.feeOpened", redirect);
		}
		catch (SchoolException e) {
			return show(me, id, Form.empty(), Form.empty(), texts.reject(fee.form(), e), model);
		}
	}

	@PostMapping("/school/classes/{id}/hoc-phi/{chargeId}/tien-mat")
	String cash(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long chargeId, RedirectAttributes redirect) {
		AttendanceController.refused(() -> {
			teaching.markCash(me, id, chargeId);
			return null;
		});
		return done(id, "school.class.cashMarked", redirect);
	}

	private String done(long id, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", texts.t(notice));
		return "redirect:/school/classes/" + id;
	}

	private String show(OfficialPrincipal me, long id, Form pupilForm, Form noteForm, Form feeForm, Model model) {
		try {
			model.addAttribute("view", teaching.page(me, id));
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("pupilForm", pupilForm);
		model.addAttribute("noteForm", noteForm);
		model.addAttribute("feeForm", feeForm);
		return "school/class";
	}
}
