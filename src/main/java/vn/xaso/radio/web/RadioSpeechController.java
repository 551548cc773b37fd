package vn.xaso.radio.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.radio.Broadcasts;
import vn.xaso.radio.Pronunciations;
import vn.xaso.radio.RadioException;

/**
 * What the loudspeakers will say (issue 21): the preview of a bulletin's spoken text on the compose page
 * (ADMIN, LEADER; nothing is created) and the commune's pronunciation list (ADMIN).
 */
@Controller
class RadioSpeechController {

	private final Broadcasts broadcasts;
	private final Pronunciations pronunciations;
	private final RadioRoom room;
	private final org.springframework.context.MessageSource messages;

	RadioSpeechController(Broadcasts broadcasts, Pronunciations pronunciations, RadioRoom room,
			org.springframework.context.MessageSource messages) {
		this.broadcasts = broadcasts;
		this.pronunciations = pronunciations;
		this.room = room;
		this.messages = messages;
	}

	/** A message of the radio bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/** The compose form sent with "Xem trước lời đọc": the same page again, filled, with the spoken text. */
	@PostMapping("/radio/admin/broadcasts/preview")
	String preview(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) List<String> villageIds,
			@RequestParam(defaultValue = "") String urgent, @RequestParam(defaultValue = "") String expiresAt, Model model) {
		var unit = room.commune(me);
		var form = Form.empty().value("title", title).value("text", text).value("urgent", urgent).value("expiresAt", expiresAt);
		var chosen = new ArrayList<Long>();
		for (var v : villageIds == null ? List.<String>of() : villageIds) {
			if (v.matches("[0-9]{1,15}")) {
				chosen.add(Long.parseLong(v));
			}
		}
		if (title.isBlank() && text.isBlank()) {
			form.reject("text", text("radio.error.previewEmpty"));
			return room.compose(unit, form, chosen, null, model);
		}
		if (title.strip().length() > Broadcasts.MAX_TITLE || text.strip().length() > Broadcasts.MAX_TEXT) {
			form.reject(title.strip().length() > Broadcasts.MAX_TITLE ? "title" : "text",
					text("radio.error.previewLong", String.valueOf(Broadcasts.MAX_TITLE), String.valueOf(Broadcasts.MAX_TEXT)));
			return room.compose(unit, form, chosen, null, model);
		}
		var spoken = broadcasts.spokenText(unit, title.strip(), text.strip());
		return room.compose(unit, form, chosen, spoken, model);
	}

	// ---------------------------------------------------------------- pronunciation list (ADMIN)

	@GetMapping("/radio/admin/pronunciations")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return render(room.commune(me), Form.empty(), model);
	}

	private String render(String unit, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("entries", pronunciations.list(unit));
		model.addAttribute("max", Pronunciations.MAX_ENTRIES);
		return "radio/pronunciations";
	}

	@PostMapping("/radio/admin/pronunciations")
	String save(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String written,
			@RequestParam(defaultValue = "") String spoken, Model model, RedirectAttributes redirect) {
		var unit = room.commune(me);
		try {
			pronunciations.save(me.username(), unit, written, spoken);
		}
		catch (RadioException e) {
			return render(unit, Form.empty().value("written", written).value("spoken", spoken).reject(e.field(), e.localMessage()), model);
		}
		redirect.addFlashAttribute("notice", text("radio.done.pronunciationSaved", written.strip()));
		return "redirect:/radio/admin/pronunciations";
	}

	@PostMapping("/radio/admin/pronunciations/{id}/delete")
	String delete(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
		var unit = room.commune(me);
		var entryId = RadioPublicController.parseId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			pronunciations.remove(me.username(), unit, entryId);
		}
		catch (RadioException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", text("radio.done.pronunciationRemoved"));
		return "redirect:/radio/admin/pronunciations";
	}
}
