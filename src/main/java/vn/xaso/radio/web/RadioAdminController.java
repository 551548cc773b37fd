package vn.xaso.radio.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.radio.Announcement;
import vn.xaso.radio.Broadcasts;
import vn.xaso.radio.RadioException;
import vn.xaso.radio.SpeakerNetwork;
import vn.xaso.radio.internal.Slots;
import vn.xaso.units.Villages;

/**
 * The commune's radio room: the operations page (devices online/offline, what each played, minutes
 * per village), broadcasts (ADMIN and LEADER) and zones and devices (ADMIN).
 */
@Controller
class RadioAdminController {

	private final Broadcasts broadcasts;
	private final SpeakerNetwork network;
	private final Villages villages;
	private final RadioRoom room;
	private final org.springframework.context.MessageSource messages;

	RadioAdminController(Broadcasts broadcasts, SpeakerNetwork network, Villages villages, RadioRoom room,
			org.springframework.context.MessageSource messages) {
		this.broadcasts = broadcasts;
		this.network = network;
		this.villages = villages;
		this.room = room;
		this.messages = messages;
	}

	/** A message of the radio bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	// ---------------------------------------------------------------- operations page

	@GetMapping("/radio/admin")
	String operations(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model) {
		var unit = room.commune(me);
		var today = LocalDate.now(Slots.VIETNAM);
		var form = Form.empty().value("from", from).value("to", to);
		LocalDate start = today.minusDays(29);
		LocalDate end = today;
		try {
			if (!from.isBlank()) {
				start = LocalDate.parse(from.strip());
			}
		}
		catch (DateTimeParseException e) {
			form.reject("from", text("radio.error.from"));
		}
		try {
			if (!to.isBlank()) {
				end = LocalDate.parse(to.strip());
			}
		}
		catch (DateTimeParseException e) {
			form.reject("to", text("radio.error.to"));
		}
		if (!form.hasErrors() && (end.isBefore(start) || start.plusDays(366).isBefore(end))) {
			form.reject("to", text("radio.error.period"));
		}
		if (form.hasErrors()) {
			start = today.minusDays(29);
			end = today;
		}
		model.addAttribute("form", form.value("from", start.toString()).value("to", end.toString()));
		model.addAttribute("devices", network.devices(unit));
		model.addAttribute("offlineMinutes", network.offlineAfter().toMinutes());
		model.addAttribute("minutes", network.minutesPerVillage(unit, start, end));
		model.addAttribute("plays", network.recentPlays(unit, 20));
		model.addAttribute("broadcasts", broadcasts.recent(unit, false, 20, 0));
		model.addAttribute("unitCode", unit);
		return "radio/operations";
	}

	// ---------------------------------------------------------------- broadcasts

	@GetMapping("/radio/admin/broadcasts/new")
	String newBroadcast(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return renderNew(room.commune(me), Form.empty(), List.of(), model);
	}

	private String renderNew(String unit, Form form, List<Long> chosen, Model model) {
		return room.compose(unit, form, chosen, null, model);
	}

	@PostMapping("/radio/admin/broadcasts")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) List<String> villageIds,
			@RequestParam(defaultValue = "") String urgent, @RequestParam(defaultValue = "") String expiresAt,
			@RequestParam(required = false) MultipartFile audio, Model model, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var form = Form.empty().value("title", title).value("text", text).value("urgent", urgent).value("expiresAt", expiresAt);
		var ids = new LinkedHashSet<Long>();
		for (var v : villageIds == null ? List.<String>of() : villageIds) {
			if (!v.matches("[0-9]{1,15}")) {
				return renderNew(unit, form.reject("villageIds", text("radio.error.village")), List.of(), model);
			}
			ids.add(Long.parseLong(v));
		}
		java.time.Instant expires = null;
		if (!expiresAt.isBlank()) {
			try {
				expires = LocalDateTime.parse(expiresAt.strip()).atZone(Slots.VIETNAM).toInstant();
			}
			catch (DateTimeParseException e) {
				return renderNew(unit, form.reject("expiresAt", text("radio.error.expiresAt")),
						List.copyOf(ids), model);
			}
		}
		var announcement = new Announcement(unit, title, text, ids, "on".equals(urgent), expires, "radio:admin");
		try {
			long id;
			if (audio != null && !audio.isEmpty()) {
				id = broadcasts.announceRecorded(announcement, audio.getBytes());
			}
			else {
				id = broadcasts.announce(announcement);
			}
			redirect.addFlashAttribute("notice", text("radio.done.created"));
			return "redirect:/radio/admin/broadcasts/" + id;
		}
		catch (RadioException e) {
			return renderNew(unit, form.reject(e.field(), e.localMessage()), List.copyOf(ids), model);
		}
		catch (IOException e) {
			return renderNew(unit, form.reject("audio", text("radio.error.audio")), List.copyOf(ids), model);
		}
	}

	@GetMapping("/radio/admin/broadcasts/{id}")
	String broadcast(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String id, Model model) {
		var unit = room.commune(me);
		var summary = RadioPublicController.parseId(id).flatMap(broadcasts::summary).filter(s -> s.unitCode().equals(unit))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("b", summary);
		model.addAttribute("spoken", broadcasts.spokenTextOf(summary.id()).orElse(""));
		return "radio/broadcast";
	}

	@PostMapping("/radio/admin/broadcasts/{id}/cancel")
	String cancel(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var bid = RadioPublicController.parseId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			broadcasts.cancel(unit, bid);
		}
		catch (RadioException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", text("radio.done.stopped"));
		return "redirect:/radio/admin/broadcasts/" + bid;
	}

	// ---------------------------------------------------------------- zones (ADMIN)

	@GetMapping("/radio/admin/zones")
	String zones(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return renderZones(room.commune(me), Form.empty().value("slots", "06:00, 17:00"), model);
	}

	private String renderZones(String unit, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("zones", network.zones(unit));
		model.addAttribute("villages", villages.list(unit).stream().filter(v -> v.active()).toList());
		return "radio/zones";
	}

	@PostMapping("/radio/admin/zones")
	String createZone(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String villageId,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slots, Model model,
			RedirectAttributes redirect) {
		var unit = room.commune(me);
		var form = Form.empty().value("villageId", villageId).value("name", name).value("slots", slots);
		Long village = null;
		if (!villageId.isBlank()) {
			if (!villageId.matches("[0-9]{1,15}")) {
				return renderZones(unit, form.reject("villageId", text("radio.error.village")), model);
			}
			village = Long.parseLong(villageId);
		}
		try {
			network.createZone(me.username(), unit, village, name, slots);
		}
		catch (RadioException e) {
			return renderZones(unit, form.reject(e.field(), e.localMessage()), model);
		}
		redirect.addFlashAttribute("notice", text("radio.done.zoneAdded"));
		return "redirect:/radio/admin/zones";
	}

	@PostMapping("/radio/admin/zones/{id}/slots")
	String zoneSlots(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String id,
			@RequestParam(defaultValue = "") String slots, Model model, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var zoneId = RadioPublicController.parseId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			network.setSlots(me.username(), unit, zoneId, slots);
		}
		catch (RadioException e) {
			if (e.field().equals("zoneId")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("error", e.localMessage());
			return "redirect:/radio/admin/zones";
		}
		redirect.addFlashAttribute("notice", text("radio.done.slotsChanged"));
		return "redirect:/radio/admin/zones";
	}

	// ---------------------------------------------------------------- devices (ADMIN)

	@GetMapping("/radio/admin/devices")
	String devices(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return renderDevices(room.commune(me), Form.empty(), model);
	}

	private String renderDevices(String unit, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("zones", network.zones(unit));
		model.addAttribute("devices", network.devices(unit));
		return "radio/devices";
	}

	@PostMapping("/radio/admin/devices")
	String register(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String zoneId,
			@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var form = Form.empty().value("zoneId", zoneId).value("name", name);
		if (!zoneId.matches("[0-9]{1,15}")) {
			return renderDevices(unit, form.reject("zoneId", text("radio.error.zone")), model);
		}
		try {
			var registered = network.registerDevice(me.username(), unit, Long.parseLong(zoneId), name);
			redirect.addFlashAttribute("token", registered.token());
			redirect.addFlashAttribute("notice", text("radio.done.deviceAdded", name.strip()));
			return "redirect:/radio/admin/devices";
		}
		catch (RadioException e) {
			return renderDevices(unit, form.reject(e.field(), e.localMessage()), model);
		}
	}

	@PostMapping("/radio/admin/devices/{id}/token")
	String resetToken(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var deviceId = RadioPublicController.parseId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			redirect.addFlashAttribute("token", network.resetToken(me.username(), unit, deviceId));
		}
		catch (RadioException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", text("radio.done.tokenRenewed"));
		return "redirect:/radio/admin/devices";
	}

	@PostMapping("/radio/admin/devices/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var deviceId = RadioPublicController.parseId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			network.deactivateDevice(me.username(), unit, deviceId);
		}
		catch (RadioException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", text("radio.done.deviceStopped"));
		return "redirect:/radio/admin/devices";
	}
}
