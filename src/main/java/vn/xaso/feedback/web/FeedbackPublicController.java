package vn.xaso.feedback.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import vn.xaso.platform.web.PublicAddress;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.feedback.web.FeedbackForms.PublicFilter;
import vn.xaso.feedback.web.FeedbackForms.RatingForm;
import vn.xaso.feedback.web.FeedbackForms.ReopenForm;
import vn.xaso.feedback.web.FeedbackForms.ReportForm;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Unit;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The citizen side: a commune's public list (and map when a tile server is set), the report form (village
 * list and address; "use my location" with JavaScript; a map pin when a tile server is set), a report's public page, and the
 * signed-in citizen's own reports with rating and reopening.
 */
@Controller
class FeedbackPublicController {

	private final Feedback feedback;
	private final Villages villages;
	private final org.springframework.core.env.Environment env;
	private final MessageSource messages;
	private final PublicAddress address;

	FeedbackPublicController(Feedback feedback, Villages villages, org.springframework.core.env.Environment env, MessageSource messages,
			PublicAddress address) {
		this.address = address;
		this.feedback = feedback;
		this.villages = villages;
		this.env = env;
		this.messages = messages;
	}

	/**
	 * The map settings, read on every page (cheap) so that a changed setting applies at once. Without a
	 * tile server ({@code xaso.feedback.tile-url}) no map is drawn: a map without tiles is a blank grid.
	 */
	private MapSettings map() {
		var center = env.getProperty("xaso.feedback.map-center", "20.10,105.98").split(",");
		return new MapSettings(env.getProperty("xaso.feedback.tile-url", "").strip(), env.getProperty("xaso.feedback.tile-attribution", ""),
				center[0].strip(), center.length > 1 ? center[1].strip() : "105.98", env.getProperty("xaso.feedback.map-zoom", Integer.class, 13));
	}

	@GetMapping("/x/{communeCode}/feedback")
	String list(@PathVariable String communeCode, @Valid PublicFilter filter, BindingResult result, Model model) {
		var commune = commune(communeCode);
		var form = Form.of(filter.values(), result);
		int page = FeedbackForms.page(filter.page());
		var status = filter.status() == null ? "" : filter.status().strip();
		List<String> statuses = null;
		if (!status.isEmpty() && !result.hasFieldErrors("status")) {
			statuses = status.equals("open") ? List.of(FeedbackReport.NEW, FeedbackReport.IN_PROGRESS)
					: List.of(FeedbackReport.ANSWERED, FeedbackReport.CLOSED);
		}
		var q = filter.q() == null || result.hasFieldErrors("q") ? "" : filter.q().strip();
		var category = filter.category() == null ? "" : filter.category().strip();
		var listing = feedback.publicSearch(commune.code(), new Feedback.PublicSearch(null, category.isEmpty() ? null : List.of(category),
				null, null, statuses, q, page * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE));
		model.addAttribute("commune", commune);
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("categories", feedback.categories(commune.code()));
		model.addAttribute("villages", villageNames(commune.code()));
		model.addAttribute("paging", Paging.of(page, listing.total(), "/x/" + commune.code() + "/feedback", filter.values()));
		model.addAttribute("map", map());
		return "feedback/public-list";
	}

	@GetMapping("/x/{communeCode}/feedback/new")
	String newReport(@PathVariable String communeCode, Model model) {
		var commune = commune(communeCode);
		return form(commune, Form.empty(), model);
	}

	@PostMapping("/x/{communeCode}/feedback")
	String submit(@PathVariable String communeCode, @AuthenticationPrincipal @Nullable Object me, @Valid ReportForm report,
			BindingResult result, @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos, Locale locale,
			Model model, RedirectAttributes redirect) throws IOException {
		var commune = commune(communeCode);
		var form = Form.of(report.values(), result);
		if (result.hasErrors()) {
			return form(commune, form, model);
		}
		var uploads = new ArrayList<byte[]>();
		if (photos != null) {
			for (var p : photos) {
				if (p != null && !p.isEmpty()) {
					uploads.add(p.getBytes());
				}
			}
		}
		Long citizenId = me instanceof CitizenPrincipal c ? c.id() : null;
		boolean anonymous = citizenId == null || report.anonymously();
		try {
			var lat = number(report.lat(), "lat", "feedback.error.lat");
			var lon = number(report.lon(), "lon", "feedback.error.lon");
			var created = feedback.submit(new Feedback.NewReport(commune.code(), report.category() == null ? "" : report.category(),
					report.description() == null ? "" : report.description(), lat, lon, report.village(),
					report.address() == null ? "" : report.address(), anonymous ? null : citizenId, anonymous, report.contactName(),
					report.contactPhone(), report.contactEmail(), uploads, "web", null, null));
			redirect.addFlashAttribute("created", created.code());
			redirect.addFlashAttribute("createdPhotos", uploads.size());
			return "redirect:/x/" + commune.code() + "/feedback/" + created.code();
		}
		catch (FeedbackException e) {
			// The position fields are hidden (filled by "use my location" or the map): point at the village list.
			form.reject("lat".equals(e.field()) || "lon".equals(e.field()) ? "village" : e.field(), e.message(messages, locale));
			return form(commune, form, model);
		}
	}

	@GetMapping("/x/{communeCode}/feedback/{code}")
	String report(@PathVariable String communeCode, @PathVariable String code, Model model) {
		var commune = commune(communeCode);
		var report = feedback.publicReport(commune.code(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("commune", commune);
		model.addAttribute("report", report);
		model.addAttribute("events", feedback.publicEvents(commune.code(), code));
		model.addAttribute("villages", villageNames(commune.code()));
		model.addAttribute("map", map());
		model.addAttribute("pageUrl", address.absolute(
			org.springframework.web.util.UriComponentsBuilder.fromPath("/x/{commune}/feedback/{code}").buildAndExpand(commune.code(), report.code()).toUriString()));
		return "feedback/public-detail";
	}

	@GetMapping("/x/{communeCode}/feedback/photos/{id}")
	ResponseEntity<byte[]> photo(@PathVariable String communeCode, @PathVariable long id) {
		return photo(communeCode, id, false);
	}

	@GetMapping("/x/{communeCode}/feedback/photos/{id}/thumb")
	ResponseEntity<byte[]> thumbnail(@PathVariable String communeCode, @PathVariable long id) {
		return photo(communeCode, id, true);
	}

	private ResponseEntity<byte[]> photo(String communeCode, long id, boolean thumb) {
		var commune = commune(communeCode);
		var photo = feedback.photo(commune.code(), id, thumb, true).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noCache()).body(photo.content());
	}

	// ---------------------------------------------------------------- the signed-in reporter

	@GetMapping("/citizen/feedback")
	String mine(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
		model.addAttribute("rows", feedback.mine(me.id()));
		return "feedback/mine";
	}

	@GetMapping("/citizen/feedback/{code}")
	String own(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String code, Model model) {
		return own(me, code, Form.empty(), model);
	}

	private String own(CitizenPrincipal me, String code, Form form, Model model) {
		var report = feedback.own(me.id(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("report", report);
		model.addAttribute("events", feedback.publicEvents(report.unitCode(), code));
		model.addAttribute("form", form);
		model.addAttribute("reopenDays", feedback.reopenDays());
		return "feedback/own";
	}

	@PostMapping("/citizen/feedback/{code}/rate")
	String rate(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String code, @Valid RatingForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return follow(me, code, Form.of(form.values(), result), locale, model, redirect, "feedback.done.rated",
				() -> feedback.rate(me.id(), code, form.stars()));
	}

	@PostMapping("/citizen/feedback/{code}/reopen")
	String reopen(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String code, @Valid ReopenForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return follow(me, code, Form.of(form.values(), result), locale, model, redirect, "feedback.done.reopened",
				() -> feedback.reopen(me.id(), code, form.reason()));
	}

	private String follow(CitizenPrincipal me, String code, Form form, Locale locale, Model model, RedirectAttributes redirect,
			String done, Runnable action) {
		if (form.hasErrors()) {
			return own(me, code, form, model);
		}
		try {
			action.run();
			redirect.addFlashAttribute("notice", messages.getMessage(done, null, locale));
			return "redirect:/citizen/feedback/" + code;
		}
		catch (FeedbackException e) {
			return own(me, code, form.reject(e.field(), e.message(messages, locale)), model);
		}
	}

	// ---------------------------------------------------------------- helpers

	private String form(Unit commune, Form form, Model model) {
		model.addAttribute("commune", commune);
		model.addAttribute("form", form);
		model.addAttribute("categories", feedback.categories(commune.code()));
		model.addAttribute("villages", villages.list(commune.code()).stream().filter(Village::active).toList());
		model.addAttribute("map", map());
		model.addAttribute("maxPhotoMb", feedback.maxPhotoBytes() / (1024 * 1024));
		return "feedback/new";
	}

	private Map<String, String> villageNames(String commune) {
		var names = new java.util.HashMap<String, String>();
		villages.list(commune).forEach(v -> names.put(v.code(), v.fullName()));
		return names;
	}

	private Unit commune(String code) {
		return feedback.commune(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static @Nullable Double number(@Nullable String value, String field, String key) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var d = Double.parseDouble(value.strip().replace(',', '.'));
			if (!Double.isFinite(d)) {
				throw new FeedbackException(field, key);
			}
			return d;
		}
		catch (NumberFormatException e) {
			throw new FeedbackException(field, key);
		}
	}
}
