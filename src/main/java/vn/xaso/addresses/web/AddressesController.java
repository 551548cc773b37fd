package vn.xaso.addresses.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.xaso.addresses.AddressException;
import vn.xaso.addresses.AddressRecord;
import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.Holder;
import vn.xaso.addresses.web.AddressReach.Reach;
import vn.xaso.addresses.web.AddressForms.AddressForm;
import vn.xaso.addresses.web.AddressForms.PinForm;
import vn.xaso.addresses.web.AddressForms.ReferenceForm;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Units;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The commune's address book: list by village with codes (paginated, searchable), map with pins when
 * a tile server is set, new address, one address (move the pin by coordinates or plus code), the
 * commune's reference point and the door plate PDF. Works without JavaScript; the map only adds
 * clicking and dragging pins. A village head sees and records only their own village's addresses
 * ({@link AddressReach}); another village's record answers 404.
 */
@Controller
class AddressesController {

	private final Addresses addresses;
	private final Villages villages;
	private final Units units;
	private final FormErrors errors;
	private final MapConfig map;
	private final AddressReach reach;

	AddressesController(Addresses addresses, Villages villages, Units units, FormErrors errors, MapConfig map, AddressReach reach) {
		this.addresses = addresses;
		this.villages = villages;
		this.units = units;
		this.errors = errors;
		this.map = map;
		this.reach = reach;
	}

	/** A record the official reaches, or 404 (another commune's, another village's for a village head). */
	private AddressRecord reached(Reach where, long id) {
		return addresses.find(where.commune(), id).filter(where::allows)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping("/addresses")
	String list(@AuthenticationPrincipal OfficialPrincipal me, AddressForms.ListQuery query, Model model) {
		return listPage(reach.of(me), query.values(), Form.empty(), Form.empty(), model);
	}

	private String listPage(Reach where, Map<String, String> params, Form form, Form referenceForm, Model model) {
		var unit = where.commune();
		var village = where.narrowed() ? (where.village() == null ? "" : where.village()) : params.getOrDefault("village", "").strip();
		var q = params.getOrDefault("q", "").strip();
		var filter = Form.empty().value("village", village).value("q", q);
		if (q.length() > 100) {
			filter.reject("q", errors.text("addresses.error.search"));
			q = "";
		}
		int page = 0;
		try {
			page = Math.max(0, Integer.parseInt(params.getOrDefault("page", "0")));
		}
		catch (NumberFormatException e) {
			page = 0;
		}
		var listing = where.narrowed() && where.village() == null ? new Addresses.Listing(java.util.List.of(), 0)
				: addresses.search(unit, new Addresses.Search(village, q, page * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE));
		var reference = addresses.reference(unit);
		var centre = reference.map(r -> new double[] { r.lat(), r.lon() }).orElseGet(map::defaultCentre);
		model.addAttribute("filter", filter);
		model.addAttribute("form", form);
		model.addAttribute("referenceForm", referenceForm);
		model.addAttribute("listing", listing);
		model.addAttribute("villages", villages.list(unit).stream().filter(Village::active).filter(v -> where.allowsVillage(v.code())).toList());
		model.addAttribute("villageOnly", where.narrowed());
		model.addAttribute("reference", reference.orElse(null));
		model.addAttribute("paging", Paging.of(page, listing.total(), "/addresses", params));
		model.addAttribute("map", map.view(centre[0], centre[1]));
		model.addAttribute("communeName", units.find(unit).map(u -> u.name()).orElse(unit));
		return "addresses/list";
	}

	@PostMapping("/addresses")
	String record(@AuthenticationPrincipal OfficialPrincipal me, @Valid AddressForm in, BindingResult result,
			HttpServletResponse response, Model model) {
		var where = reach.of(me);
		var unit = where.commune();
		var form = Form.empty().value("kind", in.kind() == null ? "" : in.kind().name()).value("holderId", in.holderId())
			.value("villageCode", in.villageCode()).value("label", in.label()).value("addressText", in.addressText())
			.value("nationalCode", in.nationalCode()).value("lat", in.lat()).value("lon", in.lon()).value("plusCode", in.plusCode());
		if (!result.hasErrors()) {
			try {
				var holderId = in.holderId() == null || in.holderId().isBlank() ? "m-" + UUID.randomUUID() : in.holderId().strip();
				// a village head records in their own village only, and never moves another village's record into it
				if (!where.allowsVillage(in.villageCode()) || (where.narrowed() && in.kind() != null
						&& addresses.forHolder(unit, in.kind(), holderId).filter(r -> !where.allows(r)).isPresent())) {
					throw new AddressException("villageCode", "addresses.error.ownVillage");
				}
				var saved = addresses.record(new Holder(in.kind(), holderId, unit, AddressForms.text(in.villageCode())),
						new Addresses.Details(AddressForms.text(in.label()), AddressForms.text(in.addressText()), in.nationalCode(),
								AddressForms.number(in.lat()), AddressForms.number(in.lon()), in.plusCode()),
						me.username());
				return "redirect:/addresses/" + saved.id() + "?saved";
			}
			catch (AddressException e) {
				errors.apply(e, form);
			}
		}
		else {
			errors.apply(result, form);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return listPage(where, Map.of(), form, Form.empty(), model);
	}

	@GetMapping("/addresses/{id}")
	String one(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String saved, Model model) {
		return onePage(reach.of(me), id, Form.empty(), saved != null, model);
	}

	private String onePage(Reach where, long id, Form pinForm, boolean saved, Model model) {
		var unit = where.commune();
		var record = reached(where, id);
		var reference = addresses.reference(unit);
		var centre = record.pinned() ? new double[] { record.lat(), record.lon() }
				: reference.map(r -> new double[] { r.lat(), r.lon() }).orElseGet(map::defaultCentre);
		if (pinForm.value("lat").isEmpty() && record.pinned()) {
			pinForm.value("lat", String.valueOf(record.lat())).value("lon", String.valueOf(record.lon()));
		}
		model.addAttribute("record", record);
		model.addAttribute("pinForm", pinForm);
		model.addAttribute("saved", saved);
		model.addAttribute("reference", reference.orElse(null));
		model.addAttribute("map", map.view(centre[0], centre[1]));
		model.addAttribute("communeName", units.find(unit).map(u -> u.name()).orElse(unit));
		return "addresses/one";
	}

	@PostMapping("/addresses/{id}/pin")
	String pin(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid PinForm in, BindingResult result,
			HttpServletResponse response, Model model) {
		var where = reach.of(me);
		var unit = where.commune();
		reached(where, id);
		var form = Form.empty().value("lat", in.lat()).value("lon", in.lon()).value("plusCode", in.plusCode());
		if (!result.hasErrors()) {
			try {
				// A typed plus code wins over the coordinates the page was shown with.
				boolean byCode = in.plusCode() != null && !in.plusCode().isBlank();
				addresses.place(unit, id, byCode ? null : AddressForms.number(in.lat()), byCode ? null : AddressForms.number(in.lon()),
						in.plusCode(), me.username());
				return "redirect:/addresses/" + id + "?saved";
			}
			catch (AddressException e) {
				if ("id".equals(e.field())) {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND);
				}
				errors.apply(e, form);
			}
		}
		else {
			errors.apply(result, form);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return onePage(where, id, form, false, model);
	}

	@PostMapping("/addresses/reference")
	String reference(@AuthenticationPrincipal OfficialPrincipal me, @Valid ReferenceForm in, BindingResult result,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		var where = reach.of(me);
		if (where.narrowed()) { // the access rules refuse it first; the commune's point changes every short code
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		var unit = where.commune();
		var form = Form.empty().value("refLat", in.refLat()).value("refLon", in.refLon());
		if (!result.hasErrors()) {
			try {
				addresses.setReference(unit, AddressForms.number(in.refLat()), AddressForms.number(in.refLon()), me.username());
				return "redirect:/addresses?reference";
			}
			catch (AddressException e) {
				errors.apply(e, form);
			}
		}
		else {
			errors.apply(result, form);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return listPage(where, Map.of(), Form.empty(), form, model);
	}

	@GetMapping("/addresses/{id}/plate.pdf")
	ResponseEntity<byte[]> plate(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var where = reach.of(me);
		var unit = where.commune();
		reached(where, id);
		try {
			var pdf = addresses.doorPlate(unit, id, map.publicUrl());
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("bien-dia-chi-" + id + ".pdf").build().toString())
				.body(pdf);
		}
		catch (AddressException e) {
			if ("id".equals(e.field()) && "addresses.error.notFound".equals(e.messageKey())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			throw new ResponseStatusException(HttpStatus.CONFLICT, errors.text(e.messageKey()));
		}
	}
}
