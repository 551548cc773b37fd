package vn.xaso.school.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.PublicAddress;
import vn.xaso.school.SchoolException;
import vn.xaso.school.internal.TakingAttendance;

/**
 * A teacher's attendance on a phone: today's ticks of the class, the printable cards (one per pupil, its QR a link to
 * the scan page with the card's code), and the scan page at the gate — opened by the phone's camera from the card's
 * QR (no script needed), or with the code typed.
 */
@Controller
class AttendanceController {

	static final String SCAN = "/school/diem-danh/quet";

	private final TakingAttendance attendance;
	private final SchoolTexts texts;
	private final PublicAddress address;

	AttendanceController(TakingAttendance attendance, SchoolTexts texts, PublicAddress address) {
		this.attendance = attendance;
		this.texts = texts;
		this.address = address;
	}

	@GetMapping("/school/classes/{id}/diem-danh")
	String today(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return page(me, id, Form.empty(), model);
	}

	@PostMapping("/school/classes/{id}/diem-danh")
	String mark(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, SchoolForms.AttendanceForm form, Model model,
			RedirectAttributes redirect) {
		try {
			attendance.mark(me, id, form.ticks());
			redirect.addFlashAttribute("notice", texts.t("school.attendance.saved"));
			return "redirect:/school/classes/" + id + "/diem-danh";
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			return page(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	@GetMapping("/school/classes/{id}/the-diem-danh.pdf")
	ResponseEntity<byte[]> cards(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var day = refused(() -> attendance.cards(me, id));
		var pdf = AttendanceCards.pdf(day, address.absolute(SCAN + "?ma="), texts);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"the-diem-danh-" + id + ".pdf\"").body(pdf);
	}

	@GetMapping(SCAN)
	String scan(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "ma", required = false) @Nullable String code, Model model) {
		var form = Form.empty().value("code", code);
		if (code != null && !code.isBlank()) {
			try {
				model.addAttribute("pupil", attendance.card(me, code));
			}
			catch (SchoolException e) {
				SchoolTexts.refuseAccess(e);
				form = texts.reject(form, e);
			}
		}
		model.addAttribute("form", form);
		return "school/scan";
	}

	@PostMapping(SCAN)
	String arrive(@AuthenticationPrincipal OfficialPrincipal me, SchoolForms.ScanForm scan, Model model, RedirectAttributes redirect) {
		try {
			var arrival = attendance.arrive(me, SchoolForms.s(scan.code()));
			redirect.addFlashAttribute("notice", texts.t(arrival.marked() ? "school.scan.arrived" : "school.scan.already", arrival.pupil().fullName(),
					arrival.pupil().className()));
			return "redirect:" + SCAN;
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			model.addAttribute("form", texts.reject(Form.empty().value("code", scan.code()), e));
			return "school/scan";
		}
	}

	private String page(OfficialPrincipal me, long id, Form form, Model model) {
		model.addAttribute("day", refused(() -> attendance.today(me, id)));
		model.addAttribute("form", form);
		return "school/attendance";
	}

	static <T> T refused(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			throw e;
		}
	}
}
