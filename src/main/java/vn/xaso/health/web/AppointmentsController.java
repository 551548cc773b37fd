package vn.xaso.health.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.BookingAppointments;
import vn.xaso.health.internal.CitizenHealth;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Units;

/**
 * A citizen's health calendar: the vaccination and screening reminders the station sent to their phone, their
 * appointments (cancel until the day), and booking a half-day at a commune's station (theirs one tap away, others by
 * name). Another citizen's appointment answers 404.
 */
@Controller
class AppointmentsController {

	private final BookingAppointments booking;
	private final CitizenHealth health;
	private final CommunePicker communes;
	private final Units units;
	private final HealthTexts texts;

	AppointmentsController(BookingAppointments booking, CitizenHealth health, CommunePicker communes, Units units, HealthTexts texts) {
		this.booking = booking;
		this.health = health;
		this.communes = communes;
		this.units = units;
		this.texts = texts;
	}

	@GetMapping("/citizen/lich-kham")
	String calendar(@AuthenticationPrincipal CitizenPrincipal me, HealthForms.CommuneQuery query, Model model) {
		model.addAttribute("reminders", health.reminders(me));
		model.addAttribute("appointments", booking.mine(me));
		model.addAttribute("picked", communes.pick(me, query.words()));
		return "health/calendar";
	}

	@GetMapping("/citizen/lich-kham/dat/{communeCode}")
	String bookForm(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String communeCode, Model model) {
		return form(communeCode, Form.empty(), model);
	}

	@PostMapping("/citizen/lich-kham/dat/{communeCode}")
	String book(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String communeCode, HealthForms.BookForm book, Model model,
			RedirectAttributes redirect) {
		try {
			booking.book(me, communeCode, book.book());
			redirect.addFlashAttribute("notice", texts.t("health.booked.notice"));
			return "redirect:/citizen/lich-kham";
		}
		catch (HealthException e) {
			return form(communeCode, texts.reject(book.form(), e), model);
		}
	}

	@PostMapping("/citizen/lich-kham/{id}/huy")
	String cancel(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			booking.cancel(me, id);
			redirect.addFlashAttribute("notice", texts.t("health.cancelled.notice"));
		}
		catch (HealthException e) {
			if (e.key().equals("health.error.noAppointment")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", texts.t(e.key(), e.args()));
		}
		return "redirect:/citizen/lich-kham";
	}

	private String form(String communeCode, Form form, Model model) {
		var commune = FaqController.commune(units, communeCode);
		model.addAttribute("commune", commune);
		model.addAttribute("slots", booking.open(commune.code()));
		model.addAttribute("form", form);
		return "health/book";
	}
}
