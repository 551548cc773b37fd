package vn.xaso.radio.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.radio.SpeakerNetwork;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * What every page of the commune's radio room starts with: the official's commune (a province official gets
 * 404, the radio belongs to communes) and the compose page (radio/broadcast-new), shared by the create and
 * the preview actions.
 */
@Component
class RadioRoom {

	private final SpeakerNetwork network;
	private final Villages villages;
	private final Units units;

	RadioRoom(SpeakerNetwork network, Villages villages, Units units) {
		this.network = network;
		this.villages = villages;
		this.units = units;
	}

	/** The official's commune code; 404 when the official's unit is not a commune. */
	String commune(OfficialPrincipal me) {
		if (!units.isCommune(me.unitCode())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return me.unitCode();
	}

	String compose(String unit, Form form, List<Long> chosen, @Nullable String preview, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("zones", network.zones(unit).stream().filter(z -> z.villageId() != null && z.active()).toList());
		model.addAttribute("chosen", chosen);
		model.addAttribute("villages", villages.list(unit));
		model.addAttribute("preview", preview);
		return "radio/broadcast-new";
	}
}
