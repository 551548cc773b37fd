package vn.xaso.economy.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import vn.xaso.economy.Product;
import vn.xaso.economy.internal.Gtins;
import vn.xaso.economy.internal.LotRelations;
import vn.xaso.economy.internal.TracingLots;
import vn.xaso.platform.Json;
import vn.xaso.units.Units;

/**
 * The GS1 Digital Link resolver (GS1-Conformant Resolver behaviour, ISO/IEC 18975 paths): {@code /01/{gtin}/10/{lot}}
 * answers with the batch's public trace page — 410 with the recall notice for a recalled batch — or, asked with
 * {@code Accept: application/linkset+json} or {@code ?linkType=all}, with its linkset (RFC 9264); {@code ?linkType=}
 * {@code gs1:pip} or {@code gs1:traceability} redirects (303) to that link. {@code /01/{gtin}} redirects to the
 * product's shop page (its default link) or gives the product's linkset. A GTIN with a wrong check digit is 400, an
 * unknown GTIN or batch 404. The linkset lists the batches it was made from and made into ({@value #MADE_FROM},
 * {@value #MADE_INTO}). The EPCIS 2.0 export of a shown batch is {@code /x/{commune}/cho/lo/{id}/epcis}; its diary
 * steps' photos {@code /x/{commune}/cho/lo/{id}/anh/{photoId}} (and {@code /nho}), while it is not recalled.
 */
@Controller
class ResolverController {

	static final MediaType LINKSET = MediaType.parseMediaType("application/linkset+json");
	static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
	private static final String VOC = "https://gs1.org/voc/";
	static final String MADE_FROM = "urn:xaso:rel:made-from";
	static final String MADE_INTO = "urn:xaso:rel:made-into";

	private final TracingLots tracing;
	private final Units units;
	private final Texts texts;

	ResolverController(TracingLots tracing, Units units, Texts texts) {
		this.tracing = tracing;
		this.units = units;
		this.texts = texts;
	}

	@GetMapping("/01/{gtin}")
	ResponseEntity<String> product(@PathVariable String gtin, @RequestParam(required = false) @Nullable String linkType,
			@RequestHeader(name = "Accept", required = false) @Nullable String accept, HttpServletRequest request) {
		var product = product(gtin);
		var base = ShopController.base(request);
		var pip = base + shopPath(product);
		if (wantsLinkset(linkType, accept)) {
			var links = Map.<String, Object>of(VOC + "pip", List.of(link(pip, product.name(), "text/html")), VOC + "defaultLink",
					List.of(link(pip, product.name(), "text/html")));
			return linkset(base + "/01/" + gtinOf(product, gtin), links, HttpStatus.OK);
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", pip).build();
	}

	@GetMapping("/01/{gtin}/10/{lot}")
	@Nullable
	ModelAndView lot(@PathVariable String gtin, @PathVariable String lot, @RequestParam(required = false) @Nullable String linkType,
			@RequestHeader(name = "Accept", required = false) @Nullable String accept, HttpServletRequest request,
			HttpServletResponse response, Model model) throws java.io.IOException {
		var product = product(gtin);
		var trace = tracing.lot(product, lot).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
				texts.t("economy.error.resolverNoLot", lot)));
		var base = ShopController.base(request);
		var l = trace.lot();
		var status = l.recalled() ? HttpStatus.GONE : HttpStatus.OK;
		var page = base + l.digitalLinkPath();
		var export = base + exportPath(l.unitCode(), l.id());
		var pip = base + shopPath(product);
		if (linkType != null && !wantsLinkset(linkType, accept)) {
			var target = switch (linkType) {
				case "gs1:pip" -> pip;
				case "gs1:traceability" -> export;
				case "gs1:defaultLink" -> page;
				default -> null;
			};
			if (target != null) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader("Location", target);
				return null;
			}
		}
		if (wantsLinkset(linkType, accept)) {
			var title = product.name() + " · " + texts.t("economy.lot.number") + " " + l.lotNumber();
			var links = new java.util.LinkedHashMap<String, Object>();
			links.put(VOC + "defaultLink", List.of(link(page, title, "text/html")));
			links.put(VOC + "traceability", List.of(link(export, title, LD_JSON.toString())));
			links.put(VOC + "pip", List.of(link(pip, product.name(), "text/html")));
			related(links, MADE_FROM, trace.relations().madeFrom(), base);
			related(links, MADE_INTO, trace.relations().madeInto(), base);
			var answer = linkset(page, links, status);
			response.setStatus(status.value());
			response.setContentType(LINKSET.toString());
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Vary", "Accept");
			response.getWriter().write(answer.getBody());
			return null;
		}
		response.setStatus(status.value());
		model.addAttribute("trace", trace);
		model.addAttribute("commune", ShopController.commune(units, l.unitCode()));
		model.addAttribute("shopPath", shopPath(product));
		model.addAttribute("exportPath", exportPath(l.unitCode(), l.id()));
		model.addAttribute("photoBase", "/x/" + l.unitCode() + "/cho/lo/" + l.id() + "/anh");
		var view = new ModelAndView("economy/trace");
		view.setStatus(status);
		return view;
	}

	@GetMapping("/x/{communeCode}/cho/lo/{id}/epcis")
	ResponseEntity<String> export(@PathVariable String communeCode, @PathVariable long id) {
		var commune = ShopController.commune(units, communeCode);
		var trace = tracing.lot(commune.code(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok().contentType(LD_JSON).cacheControl(CacheControl.noCache())
			.header("Content-Disposition", "inline; filename=\"epcis-" + trace.lot().lotNumber() + ".jsonld\"").body(tracing.export(trace));
	}

	@GetMapping("/x/{communeCode}/cho/lo/{id}/anh/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String communeCode, @PathVariable long id, @PathVariable long photoId) {
		return photo(communeCode, id, photoId, false);
	}

	@GetMapping("/x/{communeCode}/cho/lo/{id}/anh/{photoId}/nho")
	ResponseEntity<byte[]> thumbnail(@PathVariable String communeCode, @PathVariable long id, @PathVariable long photoId) {
		return photo(communeCode, id, photoId, true);
	}

	private ResponseEntity<byte[]> photo(String communeCode, long id, long photoId, boolean thumbnail) {
		var commune = ShopController.commune(units, communeCode);
		var bytes = tracing.photo(commune.code(), id, photoId, thumbnail).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// not cached for long: a recall must take the photo off the page within the hour
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(bytes);
	}

	/** Related batches in the linkset, under XaSo's extension relation types (RFC 8288 §2.1.2: a URI). */
	private static void related(Map<String, Object> links, String relation, List<LotRelations.Link> lots, String base) {
		if (!lots.isEmpty()) {
			links.put(relation, lots.stream().map(r -> link(base + r.lot().digitalLinkPath(), r.lot().productName() + " · "
					+ r.lot().lotNumber(), "text/html")).toList());
		}
	}

	private Product product(String gtin) {
		var gtin14 = Gtins.parse(gtin).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, texts.t("economy.error.resolverGtin")));
		return tracing.product(gtin14).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, texts.t("economy.error.resolverNoGtin")));
	}

	private static String gtinOf(Product product, String asked) {
		return Gtins.of(product.gtin(), product.unitCode(), product.id()).orElse(asked);
	}

	private static boolean wantsLinkset(@Nullable String linkType, @Nullable String accept) {
		return "all".equals(linkType) || "linkset".equals(linkType)
				|| (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/linkset+json"));
	}

	private static Map<String, Object> link(String href, String title, String type) {
		return Map.of("href", href, "title", title, "type", type, "hreflang", List.of("vi"));
	}

	private static ResponseEntity<String> linkset(String anchor, Map<String, Object> links, HttpStatus status) {
		var entry = new java.util.LinkedHashMap<String, Object>();
		entry.put("anchor", anchor);
		entry.putAll(links);
		return ResponseEntity.status(status).contentType(LINKSET).header("Vary", "Accept")
			.body(Json.MAPPER.writeValueAsString(Map.of("linkset", List.of(entry))));
	}

	private static String shopPath(Product product) {
		return "/x/" + product.unitCode() + "/cho/san-pham/" + product.id();
	}

	private static String exportPath(String unitCode, long lotId) {
		return "/x/" + unitCode + "/cho/lo/" + lotId + "/epcis";
	}
}
