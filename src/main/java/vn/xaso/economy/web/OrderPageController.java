package vn.xaso.economy.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.internal.HandlingOrders;
import vn.xaso.economy.internal.ShopReads;
import vn.xaso.platform.render.QrCodes;
import vn.xaso.units.Units;

/**
 * The buyer's page of an order ({@code /x/{commune}/cho/don/{code}}; the code is the key): its state, the VietQR code
 * of the producer's account while it is unpaid, and a cancel button while it may be cancelled.
 */
@Controller
class OrderPageController {

	private final ShopReads shop;
	private final HandlingOrders handling;
	private final Units units;
	private final Texts texts;

	OrderPageController(ShopReads shop, HandlingOrders handling, Units units, Texts texts) {
		this.shop = shop;
		this.handling = handling;
		this.units = units;
		this.texts = texts;
	}

	@GetMapping("/x/{communeCode}/cho/don/{code}")
	String order(@PathVariable String communeCode, @PathVariable String code, Model model) {
		var commune = ShopController.commune(units, communeCode);
		model.addAttribute("commune", commune);
		model.addAttribute("view", shop.order(commune.code(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "economy/order";
	}

	@GetMapping("/x/{communeCode}/cho/don/{code}/vietqr.png")
	ResponseEntity<byte[]> vietQr(@PathVariable String communeCode, @PathVariable String code) {
		var commune = ShopController.commune(units, communeCode);
		var view = shop.order(commune.code(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (view.order().status() != vn.xaso.economy.Order.Status.PLACED || view.transfer() == null || view.transfer().payload().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
			.body(QrCodes.png(view.transfer().payload(), 480, 2));
	}

	@PostMapping("/x/{communeCode}/cho/don/{code}/huy")
	String cancel(@PathVariable String communeCode, @PathVariable String code, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		var commune = ShopController.commune(units, communeCode);
		shop.order(commune.code(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			handling.cancelByBuyer(commune.code(), code);
			redirect.addFlashAttribute("notice", texts.t("economy.order.cancelledNotice"));
			return "redirect:/x/" + commune.code() + "/cho/don/" + code;
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			response.setStatus(Texts.status(e));
			model.addAttribute("error", texts.t(e.key(), e.args()));
			return order(communeCode, code, model);
		}
	}
}
