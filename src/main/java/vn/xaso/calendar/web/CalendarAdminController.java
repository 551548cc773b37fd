package vn.xaso.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.calendar.CalendarAdjustment;
import vn.xaso.calendar.CalendarException;
import vn.xaso.platform.Refusal;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.platform.web.Form;

/**
 * Administrators see a year's days off; national calendar administrators add the government's
 * announced swaps and withdraw them (national rules: a commune administrator cannot change them).
 */
@Controller
class CalendarAdminController {

	private final WorkingCalendar working;
	private final AdjustmentRecorder recorder;

	CalendarAdminController(WorkingCalendar working, AdjustmentRecorder recorder) {
		this.working = working;
		this.recorder = recorder;
	}

	@GetMapping("/admin/calendar")
	String page(@RequestParam(required = false) Integer year, Model model) {
		return render(year == null ? working.today().getYear() : year, Form.empty(), model);
	}

	@PostMapping("/admin/calendar/adjustments")
	@PreAuthorize("hasRole('NATIONAL_ADMIN')")
	String add(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		var form = Form.empty().value("date", date).value("kind", kind).value("note", note);
		LocalDate day;
		try {
			day = LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException e) {
			return render(working.today().getYear(), form.reject("date", text("calendar.error.date")), model);
		}
		try {
			var adjustment = new CalendarAdjustment(day, CalendarAdjustment.Kind.fromCode(kind), note);
			recorder.add(adjustment);
			redirect.addFlashAttribute("notice", text("calendar.done.added", day));
			return "redirect:/admin/calendar?year=" + day.getYear();
		}
		catch (IllegalArgumentException e) {
			var key = e instanceof CalendarException c ? c.key() : "";
			var field = key.equals("calendar.error.kind") ? "kind"
					: key.equals("calendar.error.noteBlank") || key.equals("calendar.error.noteLong") ? "note" : "date";
			return render(day.getYear(), form.reject(field, CalendarException.localMessage(e)), model);
		}
	}

	@PostMapping("/admin/calendar/adjustments/{date}/withdraw")
	@PreAuthorize("hasRole('NATIONAL_ADMIN')")
	String withdraw(@PathVariable String date, RedirectAttributes redirect) {
		LocalDate day;
		try {
			day = LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException e) {
			redirect.addFlashAttribute("notice", text("calendar.error.badDate", date));
			return "redirect:/admin/calendar";
		}
		redirect.addFlashAttribute("notice", recorder.withdraw(day) ? text("calendar.done.withdrawn", day)
				: text("calendar.error.nothingToWithdraw", day));
		return "redirect:/admin/calendar?year=" + day.getYear();
	}

	private static String text(String key, Object... args) {
		return Refusal.textIn("i18n/calendar", LocaleContextHolder.getLocale(), key, args);
	}

	private String render(int year, Form form, Model model) {
		int shown = Math.max(1900, Math.min(2199, year));
		model.addAttribute("year", shown);
		model.addAttribute("holidays", working.holidays(shown));
		model.addAttribute("form", form);
		return "calendar/admin";
	}
}
