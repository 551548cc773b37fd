package vn.xaso.addresses.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import vn.xaso.addresses.AddressException;
import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.PublicPlace;
import vn.xaso.addresses.web.AddressForms.LookupForm;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Problems;

/**
 * The public side, for delivery and for the door plate's QR: a plus code's commune and village (and
 * postcode) — never a name or an address text. HTML without JavaScript or session, and JSON.
 */
@Controller
class PlacesController {

	private final Addresses addresses;
	private final FormErrors errors;

	PlacesController(Addresses addresses, FormErrors errors) {
		this.addresses = addresses;
		this.errors = errors;
	}

	/** The look-up box, and its answer when a code is given ({@code /place?code=7PG74XFQ+93}). */
	@GetMapping("/place")
	String lookUp(@Valid LookupForm in, BindingResult result, Model model, HttpServletResponse response) {
		var code = in.code() == null ? "" : in.code().strip();
		var form = Form.empty().value("code", code);
		if (result.hasErrors()) {
			errors.apply(result, form);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(form, null, model);
		}
		return code.isEmpty() ? page(form, null, model) : answer(code, form, model, response);
	}

	/** The door plate's QR lands here: {@code /place/7PG74XFQ93} (the "+" may be left out). */
	@GetMapping("/place/{code}")
	String place(@PathVariable String code, Model model, HttpServletResponse response) {
		if (code.length() > 40) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(Form.empty().reject("code", errors.text("addresses.error.lookupCode")), null, model);
		}
		return answer(code, Form.empty().value("code", code), model, response);
	}

	private String answer(String code, Form form, Model model, HttpServletResponse response) {
		try {
			var places = addresses.lookUp(code);
			if (places.isEmpty()) {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				form.reject("code", errors.text("addresses.error.lookupUnknown"));
				return page(form, null, model);
			}
			response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic().getHeaderValue());
			return page(form.value("code", places.getFirst().plusCode()), places, model);
		}
		catch (AddressException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(errors.apply(e, form), null, model);
		}
	}

	private String page(Form form, @Nullable List<PublicPlace> places, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("places", places == null ? List.of() : places);
		return "addresses/place";
	}

	/** JSON: {@code {"plusCode": …, "places": [{"commune", "communeCode", "province", "village", "postcode"}]}}. */
	@GetMapping(path = "/api/v1/places/{code}", produces = "application/json")
	@ResponseBody
	ResponseEntity<?> api(@PathVariable String code) {
		if (code.length() > 40) {
			return Problems.message(HttpStatus.BAD_REQUEST, errors.text("addresses.error.lookupCode"));
		}
		try {
			var places = addresses.lookUp(code);
			if (places.isEmpty()) {
				return Problems.message(HttpStatus.NOT_FOUND, errors.text("addresses.error.lookupUnknown"));
			}
			var body = new LinkedHashMap<String, Object>();
			body.put("plusCode", places.getFirst().plusCode());
			body.put("places", places.stream().map(p -> Map.of("commune", p.communeName(), "communeCode", p.communeCode(),
					"province", p.provinceName(), "village", p.villageName(), "postcode", p.postcode())).toList());
			return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(body);
		}
		catch (AddressException e) {
			return Problems.message(HttpStatus.BAD_REQUEST, errors.text(e.messageKey()));
		}
	}
}
