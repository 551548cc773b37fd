package vn.xaso.radio.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

import vn.xaso.platform.web.Form;
import vn.xaso.radio.SpeakerNetwork;
import vn.xaso.units.Villages;

/** The model of the compose page (radio/broadcast-new), shared by the create and the preview actions. */
final class ComposePage {

	private ComposePage() {
	}

	static String render(SpeakerNetwork network, Villages villages, String unit, Form form, List<Long> chosen, @Nullable String preview,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("zones", network.zones(unit).stream().filter(z -> z.villageId() != null && z.active()).toList());
		model.addAttribute("chosen", chosen);
		model.addAttribute("villages", villages.list(unit));
		model.addAttribute("preview", preview);
		return "radio/broadcast-new";
	}
}
