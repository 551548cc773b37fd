package vn.xaso.cameras.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.internal.KeepingCameras;
import vn.xaso.cameras.internal.ViewingCameras;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Villages;

/**
 * One camera: its place and owner, "Xem camera" (the addresses for the viewer's player app, on a page that is not
 * kept by the browser), editing, and a household's consent withdrawn.
 */
@Controller
class CameraController {

	private final KeepingCameras cameras;
	private final ViewingCameras viewing;
	private final Villages villages;
	private final CameraTexts texts;

	CameraController(KeepingCameras cameras, ViewingCameras viewing, Villages villages, CameraTexts texts) {
		this.cameras = cameras;
		this.viewing = viewing;
		this.villages = villages;
		this.texts = texts;
	}

	@GetMapping("/cameras/{id}")
	String one(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return page(me, id, null, model);
	}

	@PostMapping("/cameras/{id}")
	String edit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, CameraForms.CameraForm camera,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			cameras.edit(me, id, camera.input());
			redirect.addFlashAttribute("notice", texts.t("cameras.editedNotice"));
			return "redirect:/cameras/" + id;
		}
		catch (CameraException e) {
			var form = texts.reject(camera.form(), e);
			response.setStatus(CameraTexts.status(e));
			return page(me, id, form, model);
		}
	}

	@PostMapping("/cameras/{id}/view")
	String view(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, HttpServletResponse response, Model model) {
		try {
			model.addAttribute("viewed", viewing.view(me, id));
		}
		catch (CameraException e) {
			CameraTexts.refuseAccess(e);
			throw e;
		}
		response.setHeader("Cache-Control", "no-store");
		return "cameras/viewed";
	}

	@PostMapping("/cameras/{id}/withdraw-consent")
	String withdraw(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		cameras.withdrawConsent(me, id);
		redirect.addFlashAttribute("notice", texts.t("cameras.withdrawnNotice"));
		return "redirect:/cameras/" + id;
	}

	private String page(OfficialPrincipal me, long id, @org.jspecify.annotations.Nullable Form form, Model model) {
		KeepingCameras.CameraPage page;
		try {
			page = cameras.one(me, id);
		}
		catch (CameraException e) {
			CameraTexts.refuseAccess(e);
			throw e;
		}
		var c = page.camera();
		model.addAttribute("view", page);
		model.addAttribute("police", me.has(Role.POLICE_POST));
		model.addAttribute("admin", me.has(Role.ADMIN));
		model.addAttribute("villages", villages.list(me.unitCode()).stream().filter(v -> v.active()).toList());
		model.addAttribute("form", form != null ? form : Form.of(Form.pairs("name", c.name(), "villageId",
				c.villageId() == null ? null : String.valueOf(c.villageId()), "place", c.place(), "latitude",
				c.latitude() == null ? null : c.latitude().toPlainString(), "longitude", c.longitude() == null ? null : c.longitude().toPlainString())));
		return "cameras/one";
	}
}
