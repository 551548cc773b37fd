package vn.xaso.catalog.web;

import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.xaso.platform.web.PublicAddress;
import vn.xaso.catalog.CatalogException;
import vn.xaso.catalog.Procedures;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Units;

/** The public procedure pages: search, one procedure in plain Vietnamese, and its printable QR code. */
@Controller
class PublicProceduresController {

	private final Procedures procedures;
	private final Units units;
	private final PublicAddress address;

	PublicProceduresController(Procedures procedures, Units units, PublicAddress address) {
		this.procedures = procedures;
		this.units = units;
		this.address = address;
	}

	/** Path of a procedure's public page, keeping the commune. */
	static String pageUrl(String code, @Nullable String unit) {
		var b = UriComponentsBuilder.fromPath("/procedures/{code}");
		if (unit != null && !unit.isBlank()) {
			b.queryParam("unit", unit.strip());
		}
		return b.buildAndExpand(code).encode().toUriString();
	}

	@GetMapping("/procedures")
	String search(@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String page,
			Model model) {
		var params = new LinkedHashMap<String, String>();
		params.put("unit", unit);
		params.put("q", q);
		params.put("field", field);
		String error = null;
		int p = 0;
		try {
			p = CatalogApiController.number("page", page, 0, 0, 100_000);
		}
		catch (CatalogException e) {
			error = e.localMessage();
		}
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("field", field == null ? "" : field);
		try {
			var result = procedures.search(unit, q, field, p, Paging.DEFAULT_SIZE);
			model.addAttribute("unit", unit == null || unit.isBlank() ? null : unit.strip());
			model.addAttribute("unitName", unitName(unit));
			model.addAttribute("fields", procedures.fields(unit));
			model.addAttribute("result", result);
			model.addAttribute("paging", Paging.of(p, result.total(), "/procedures", params));
		}
		catch (CatalogException e) {
			error = e.localMessage();
			var query = e.errors().containsKey("q") ? null : q;
			var result = procedures.search(null, query, field, 0, Paging.DEFAULT_SIZE);
			model.addAttribute("unit", null);
			model.addAttribute("unitName", null);
			model.addAttribute("fields", procedures.fields(null));
			model.addAttribute("result", result);
			params.remove("unit");
			model.addAttribute("paging", Paging.of(0, result.total(), "/procedures", params));
		}
		model.addAttribute("error", error);
		return "catalog/search";
	}

	@GetMapping("/procedures/{code}")
	String detail(@PathVariable String code, @RequestParam(required = false) @Nullable String unit, Model model) {
		var procedure = find(code, unit);
		var u = unit == null || unit.isBlank() ? null : unit.strip();
		model.addAttribute("procedure", procedure);
		model.addAttribute("unit", u);
		model.addAttribute("unitName", unitName(u));
		model.addAttribute("applyUrl", u == null ? null
				: UriComponentsBuilder.fromPath("/citizen/dossiers/new").queryParam("procedure", procedure.code())
					.queryParam("unit", u).encode().build().toUriString());
		model.addAttribute("qrUrl", UriComponentsBuilder.fromPath("/procedures/{code}/qr.png")
			.queryParamIfPresent("unit", java.util.Optional.ofNullable(u)).buildAndExpand(procedure.code()).encode().toUriString());
		model.addAttribute("absoluteUrl", absolute(procedure.code(), u));
		return "catalog/detail";
	}

	@GetMapping(value = "/procedures/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable String code, @RequestParam(required = false) @Nullable String unit) {
		var procedure = find(code, unit);
		var u = unit == null || unit.isBlank() ? null : unit.strip();
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
			.body(png(absolute(procedure.code(), u), 400));
	}

	private vn.xaso.catalog.Procedure find(String code, @Nullable String unit) {
		try {
			return procedures.current(unit, code)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such procedure"));
		}
		catch (CatalogException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.localMessage());
		}
	}

	private @Nullable String unitName(@Nullable String unit) {
		if (unit == null || unit.isBlank()) {
			return null;
		}
		return units.find(unit.strip()).map(u -> u.name()).orElse(null);
	}

	/** The page's absolute URL: the configured public address, else the address this request came to. */
	String absolute(String code, @Nullable String unit) {
		return address.absolute(pageUrl(code, unit));
	}

	static byte[] png(String text, int size) {
		return vn.xaso.platform.render.QrCodes.png(text, size, 2);
	}
}
