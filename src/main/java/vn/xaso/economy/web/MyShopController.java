package vn.xaso.economy.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Product;
import vn.xaso.economy.internal.HandlingOrders;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.ShippingOrders;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The producer's own shop, made for a phone: its products (add, change, photos) and its orders (ship, deliver, cancel). */
@Controller
class MyShopController {

	private final ListingProducts listing;
	private final HandlingOrders orders;
	private final ShippingOrders shipping;
	private final Texts texts;

	MyShopController(ListingProducts listing, HandlingOrders orders, ShippingOrders shipping, Texts texts) {
		this.shipping = shipping;
		this.listing = listing;
		this.orders = orders;
		this.texts = texts;
	}

	@GetMapping("/economy/mine")
	String home(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		try {
			model.addAttribute("mine", listing.mine(me));
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return "economy/mine";
	}

	@GetMapping("/economy/mine/products/new")
	String newProduct(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		listing.mine(me);
		return productForm(null, Form.empty().value("listed", "true").value("category", "FOOD"), model);
	}

	@PostMapping("/economy/mine/products")
	String create(@AuthenticationPrincipal OfficialPrincipal me, EconomyForms.ProductForm product, Model model,
			RedirectAttributes redirect) {
		try {
			long id = listing.create(me, product.input());
			redirect.addFlashAttribute("notice", texts.t("economy.product.saved"));
			return "redirect:/economy/mine/products/" + id;
		}
		catch (EconomyException e) {
			return productForm(null, texts.reject(product.form(), e), model);
		}
	}

	@GetMapping("/economy/mine/products/{id}")
	String edit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var product = own(me, id);
		return productForm(product, filled(product), model);
	}

	@PostMapping("/economy/mine/products/{id}")
	String update(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, EconomyForms.ProductForm product, Model model,
			RedirectAttributes redirect) {
		var current = own(me, id);
		try {
			listing.update(me, id, product.input());
			redirect.addFlashAttribute("notice", texts.t("economy.product.saved"));
			return "redirect:/economy/mine/products/" + id;
		}
		catch (EconomyException e) {
			return productForm(current, texts.reject(product.form(), e), model);
		}
	}

	@PostMapping("/economy/mine/products/{id}/photos")
	String photo(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, Model model, RedirectAttributes redirect)
			throws IOException {
		var current = own(me, id);
		try {
			listing.addPhoto(me, id, photo == null ? new byte[0] : photo.getBytes());
			redirect.addFlashAttribute("notice", texts.t("economy.photo.saved"));
			return "redirect:/economy/mine/products/" + id;
		}
		catch (EconomyException e) {
			return productForm(current, texts.reject(filled(current), e), model);
		}
	}

	@GetMapping("/economy/mine/orders/{id}")
	String order(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return order(me, id, Form.empty(), model);
	}

	@PostMapping("/economy/mine/orders/{id}/ship")
	String ship(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, EconomyForms.ShipForm ship,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return step(me, id, () -> shipping.ship(me, id, ship.trackingNumber(), ship.lotId()), "economy.order.shippedNotice", response, model, redirect);
	}

	@PostMapping("/economy/mine/orders/{id}/deliver")
	String deliver(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return step(me, id, () -> orders.deliver(me, id), "economy.order.deliveredNotice", response, model, redirect);
	}

	@PostMapping("/economy/mine/orders/{id}/cancel")
	String cancel(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, EconomyForms.CancelForm cancel,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return step(me, id, () -> orders.cancelByProducer(me, id, cancel.reason()), "economy.order.cancelledNotice", response, model,
				redirect);
	}

	private String step(OfficialPrincipal me, long id, Runnable work, String done, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			work.run();
			redirect.addFlashAttribute("notice", texts.t(done));
			return "redirect:/economy/mine/orders/" + id;
		}
		catch (EconomyException e) {
			var form = texts.reject(Form.empty(), e);
			response.setStatus(Texts.status(e));
			return order(me, id, form, model);
		}
	}

	private String order(OfficialPrincipal me, long id, Form form, Model model) {
		try {
			model.addAttribute("order", orders.ofMine(me, id));
			model.addAttribute("lots", shipping.choices(me, id));
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "economy/mine-order";
	}

	private Product own(OfficialPrincipal me, long id) {
		try {
			return listing.product(me, id);
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
	}

	private String productForm(@Nullable Product product, Form form, Model model) {
		model.addAttribute("product", product);
		model.addAttribute("form", form);
		return "economy/product-form";
	}

	private static Form filled(Product p) {
		var o = p.ocop();
		return Form.empty().value("name", p.name()).value("description", p.description()).value("category", p.category().name())
			.value("unitLabel", p.unitLabel()).value("priceVnd", String.valueOf(p.priceVnd())).value("stock", String.valueOf(p.stock()))
			.value("season", p.season()).value("gtin", p.gtin())
			.value("ocopStars", o == null ? null : String.valueOf(o.stars())).value("ocopScore", o == null ? null : String.valueOf(o.score()))
			.value("ocopCertificate", o == null ? null : o.certificate())
			.value("ocopCertifiedOn", o == null ? null : o.certifiedOn().toString())
			.value("links", String.join("\n", p.links())).value("listed", p.listed() ? "true" : null);
	}
}
