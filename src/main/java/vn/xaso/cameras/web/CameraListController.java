package vn.xaso.cameras.web;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.addresses.AddressMaps;
import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.internal.KeepingCameras;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Villages;

/**
 * The commune's cameras on the map and as a list (place, owner, state — never an address), and registering one (the
 * administrator; a farmer for their own farm).
 */
@Controller
class CameraListController {

	private final KeepingCameras cameras;
	private final Villages villages;
	private final AddressMaps maps;
	private final CameraTexts texts;

	CameraListController(KeepingCameras cameras, Villages villages, AddressMaps maps, CameraTexts texts) {
		this.cameras = cameras;
		this.villages = villages;
		this.maps = maps;
		this.texts = texts;
	}

	@GetMapping("/cameras")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable Long farm, Model model) {
		return page(me, farm, Form.empty(), model);
	}

	@PostMapping("/cameras")
	String register(@AuthenticationPrincipal OfficialPrincipal me, CameraForms.CameraForm camera, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			long id = cameras.register(me, camera.input());
			redirect.addFlashAttribute("notice", texts.t("cameras.registeredNotice"));
			return "redirect:/cameras/" + id;
		}
		catch (CameraException e) {
			var form = texts.reject(camera.form(), e);
			response.setStatus(CameraTexts.status(e));
			return page(me, null, form, model);
		}
	}

	/** {@code farm}: only that farm's cameras (the farm page's link). */
	private String page(OfficialPrincipal me, @Nullable Long farm, Form form, Model model) {
		try {
			model.addAttribute("cameras", cameras.list(me).stream().filter(c -> farm == null || farm.equals(c.farmId())).toList());
		}
		catch (CameraException e) {
			CameraTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("map", maps.view(me.unitCode()));
		model.addAttribute("mayRegister", cameras.mayRegister(me));
		model.addAttribute("admin", me.has(Role.ADMIN));
		model.addAttribute("farms", cameras.farms(me));
		model.addAttribute("villages", villages.list(me.unitCode()).stream().filter(v -> v.active()).toList());
		model.addAttribute("form", form);
		return "cameras/list";
	}
}
