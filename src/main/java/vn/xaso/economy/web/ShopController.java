package vn.xaso.economy.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.economy.internal.ShopReads;
import vn.xaso.platform.render.QrCodes;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The commune shop (chợ quê) under {@code /x/{commune}/cho}: products of verified producers (search without
 * diacritics, OCOP filter, pages), a producer's page, a product's page with schema.org data and the order form, a
 * printable QR code of the product's page, photos. Works without JavaScript.
 */
@Controller
class ShopController {

	static final int PAGE_SIZE = 12;

	private final ShopReads shop;
	private final PlacingOrders placing;
	private final Units units;
	private final Texts texts;

	ShopController(ShopReads shop, PlacingOrders placing, Units units, Texts texts) {
		this.shop = shop;
		this.placing = placing;
		this.units = units;
		this.texts = texts;
	}

	@GetMapping("/x/{communeCode}/cho")
	String shop(@PathVariable String communeCode, EconomyForms.ShopQuery query, Model model) {
		var commune = commune(units, communeCode);
		var page = Math.min(query.pageNo(), 10_000);
		var result = shop.shop(commune.code(), query.words(), query.ocopOnly(), page * PAGE_SIZE, PAGE_SIZE);
		var params = new LinkedHashMap<String, String>();
		params.put("q", query.words());
		if (query.ocopOnly()) {
			params.put("ocop", "1");
		}
		model.addAttribute("commune", commune);
		model.addAttribute("shop", result);
		model.addAttribute("q", query.words());
		model.addAttribute("ocop", query.ocopOnly());
		model.addAttribute("paging", Paging.of(page, PAGE_SIZE, result.total(), "/x/" + commune.code() + "/cho"
				+ query(params)));
		return "economy/shop";
	}

	@GetMapping("/x/{communeCode}/cho/co-so/{id}")
	String producer(@PathVariable String communeCode, @PathVariable long id, Model model) {
		var commune = commune(units, communeCode);
		model.addAttribute("commune", commune);
		model.addAttribute("view", shop.producer(commune.code(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "economy/producer";
	}

	@GetMapping("/x/{communeCode}/cho/san-pham/{id}")
	String product(@PathVariable String communeCode, @PathVariable long id, HttpServletRequest request, Model model) {
		return product(communeCode, id, Form.empty().value("quantity", "1").value("delivery", "PICKUP"), request, model);
	}

	@PostMapping("/x/{communeCode}/cho/san-pham/{id}/dat-hang")
	String order(@PathVariable String communeCode, @PathVariable long id, EconomyForms.OrderForm order, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var commune = commune(units, communeCode);
		try {
			var code = placing.place(commune.code(), id, order.input());
			return "redirect:/x/" + commune.code() + "/cho/don/" + code;
		}
		catch (EconomyException e) {
			var form = texts.reject(order.form(), e);
			response.setStatus(Texts.status(e));
			return product(communeCode, id, form, request, model);
		}
	}

	@GetMapping("/x/{communeCode}/cho/san-pham/{id}/ma-qr")
	String qrPage(@PathVariable String communeCode, @PathVariable long id, HttpServletRequest request, Model model) {
		var commune = commune(units, communeCode);
		var view = shop.product(commune.code(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("commune", commune);
		model.addAttribute("view", view);
		model.addAttribute("pageUrl", base(request) + "/x/" + commune.code() + "/cho/san-pham/" + id);
		return "economy/product-qr";
	}

	@GetMapping("/x/{communeCode}/cho/san-pham/{id}/ma-qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String communeCode, @PathVariable long id, HttpServletRequest request) {
		var commune = commune(units, communeCode);
		shop.product(commune.code(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var png = QrCodes.png(base(request) + "/x/" + commune.code() + "/cho/san-pham/" + id, 480, 2);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
			.body(png);
	}

	@GetMapping("/x/{communeCode}/cho/anh/{id}")
	ResponseEntity<byte[]> photo(@PathVariable String communeCode, @PathVariable long id) {
		return photo(communeCode, id, false);
	}

	@GetMapping("/x/{communeCode}/cho/anh/{id}/nho")
	ResponseEntity<byte[]> thumbnail(@PathVariable String communeCode, @PathVariable long id) {
		return photo(communeCode, id, true);
	}

	private ResponseEntity<byte[]> photo(String communeCode, long id, boolean thumb) {
		var commune = commune(units, communeCode);
		var bytes = shop.photo(commune.code(), id, thumb).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)).cachePublic()).body(bytes);
	}

	private String product(String communeCode, long id, Form form, HttpServletRequest request, Model model) {
		var commune = commune(units, communeCode);
		var view = shop.product(commune.code(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var pageUrl = base(request) + "/x/" + commune.code() + "/cho/san-pham/" + id;
		model.addAttribute("commune", commune);
		model.addAttribute("view", view);
		model.addAttribute("form", form);
		model.addAttribute("jsonLd", ProductData.jsonLd(view.product(), view.producer(), pageUrl, base(request), view.today()));
		return "economy/product";
	}

	static Unit commune(Units units, String communeCode) {
		if (!communeCode.matches("[0-9]{5}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static String base(HttpServletRequest r) {
		var port = r.getServerPort();
		var standard = ("http".equals(r.getScheme()) && port == 80) || ("https".equals(r.getScheme()) && port == 443);
		return r.getScheme() + "://" + r.getServerName() + (standard ? "" : ":" + port);
	}

	private static String query(Map<String, String> params) {
		var b = new StringBuilder();
		params.forEach((k, v) -> {
			if (!v.isEmpty()) {
				b.append(b.isEmpty() ? "?" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
			}
		});
		return b.toString();
	}
}
