package vn.xaso.notify.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.notify.Channel;
import vn.xaso.notify.internal.CitizenChoices;
import vn.xaso.notify.internal.Deliverer;
import vn.xaso.notify.internal.Preferences;
import vn.xaso.notify.internal.PushRegistrations;
import vn.xaso.notify.internal.PushSubscriptions;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** The citizen's own page: which channels, which e-mail address, Zalo/SMS consent, which commune's announcements. */
@Controller
class CitizenNotificationsController {

	private final Preferences preferences;
	private final CitizenChoices choices;
	private final PushSubscriptions subscriptions;
	private final PushRegistrations registrations;
	private final Deliverer deliverer;
	private final Units units;
	private final MessageSource messages;

	CitizenNotificationsController(Preferences preferences, CitizenChoices choices, PushSubscriptions subscriptions,
			PushRegistrations registrations, Deliverer deliverer, Units units, MessageSource messages) {
		this.preferences = preferences;
		this.choices = choices;
		this.subscriptions = subscriptions;
		this.registrations = registrations;
		this.deliverer = deliverer;
		this.units = units;
		this.messages = messages;
	}

	/** A citizen's choices as posted; a ticked box is present, an unticked one is not sent at all. */
	record PreferencesForm(@Nullable String email, @Nullable String emailEnabled, @Nullable String pushEnabled, @Nullable String zalo,
			@Nullable String sms, @Nullable String commune, @Nullable String followUnitCode) {

		Map<String, String> values() {
			var map = new java.util.LinkedHashMap<String, String>();
			java.util.stream.Stream.of(new String[][] { { "email", email }, { "emailEnabled", emailEnabled }, { "pushEnabled", pushEnabled },
					{ "zalo", zalo }, { "sms", sms }, { "commune", commune }, { "followUnitCode", followUnitCode } })
				.filter(pair -> pair[1] != null).forEach(pair -> map.put(pair[0], pair[1]));
			return map;
		}
	}

	/** A message of the notify bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	@GetMapping("/citizen/notifications")
	String show(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
		var p = preferences.of(me.id());
		var form = Form.empty().value("email", p.email()).value("commune", p.followUnitCode() == null ? null
				: units.find(p.followUnitCode()).map(Unit::name).orElse(p.followUnitCode()));
		if (p.emailEnabled()) {
			form.value("emailEnabled", "on");
		}
		if (p.pushEnabled()) {
			form.value("pushEnabled", "on");
		}
		if (p.zalo()) {
			form.value("zalo", "on");
		}
		if (p.sms()) {
			form.value("sms", "on");
		}
		return page(me, model, form, List.of());
	}

	@PostMapping("/citizen/notifications")
	String save(@AuthenticationPrincipal CitizenPrincipal me, PreferencesForm posted, Model model,
			RedirectAttributes redirect) {
		var params = posted.values();
		var form = Form.of(params);
		var current = preferences.of(me.id());
		var commune = params.getOrDefault("commune", "").strip();
		String follow = null;
		List<Unit> ambiguous = List.of();
		var picked = params.getOrDefault("followUnitCode", "").strip();
		if (!picked.isEmpty()) {
			if (picked.length() <= 20 && units.isCommune(picked)) {
				follow = picked;
			}
			else {
				form.reject("commune", text("notify.error.communePicked"));
			}
		}
		else if (commune.length() > 100) {
			form.reject("commune", text("notify.error.communeLong"));
		}
		else if (!commune.isEmpty()) {
			var keep = current.followUnitCode() != null
					&& units.find(current.followUnitCode()).map(u -> u.name().equalsIgnoreCase(commune)).orElse(false);
			if (keep) {
				follow = current.followUnitCode();
			}
			else if (commune.matches("[0-9]{5}") && units.isCommune(commune)) {
				follow = commune;
			}
			else {
				var found = units.searchCommunes(commune, 10);
				var exact = found.stream().filter(u -> u.name().equalsIgnoreCase(commune) || u.shortName().equalsIgnoreCase(commune)).toList();
				if (found.size() == 1) {
					follow = found.getFirst().code();
				}
				else if (exact.size() == 1) {
					follow = exact.getFirst().code();
				}
				else if (found.isEmpty()) {
					form.reject("commune", text("notify.error.communeNotFound", commune));
				}
				else {
					ambiguous = found;
					form.reject("commune", text("notify.error.communeAmbiguous"));
				}
			}
		}
		var choice = new CitizenChoices.Choice(params.get("email"), params.containsKey("emailEnabled"), params.containsKey("pushEnabled"),
				params.containsKey("zalo"), params.containsKey("sms"), follow);
		choices.problems(choice).forEach((field, problem) -> form.reject(field, text(problem.key(), problem.args())));
		if (form.hasErrors()) {
			return page(me, model, form, ambiguous);
		}
		Tenancy.runAs(UnitScope.systemWide(), () -> choices.save(me.id(), choice));
		redirect.addFlashAttribute("notice", text("notify.done.preferencesSaved"));
		return "redirect:/citizen/notifications";
	}

	@PostMapping("/citizen/notifications/browsers/{id}/remove")
	String removeBrowser(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		boolean removed = Tenancy.callAs(UnitScope.systemWide(), () -> registrations.remove(me.id(), id));
		redirect.addFlashAttribute("notice", text(removed ? "notify.done.browserRemoved" : "notify.error.browserUnknown"));
		return "redirect:/citizen/notifications";
	}

	private String page(CitizenPrincipal me, Model model, Form form, List<Unit> ambiguous) {
		var p = preferences.of(me.id());
		model.addAttribute("form", form);
		model.addAttribute("preference", p);
		model.addAttribute("browsers", subscriptions.ofCitizen(me.id()));
		model.addAttribute("ambiguous", ambiguous);
		model.addAttribute("maskedPhone", me.maskedPhone());
		model.addAttribute("zaloAvailable", deliverer.enabled(Channel.ZALO));
		model.addAttribute("smsAvailable", deliverer.enabled(Channel.SMS));
		return "notify/preferences";
	}

	static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
