package vn.xaso.economy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.LinkingLots;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.LotStep;
import vn.xaso.economy.internal.RecallingLots;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * The producer's batches, from a phone: the list and a new batch; a batch's diary (add a step, with a photo), a
 * processing step from input batches, the batches it was made from and into, its label sheet (PDF), its EPCIS 2.0
 * export, its photos and its recall.
 */
@Controller
class MyLotsController {

	private final KeepingLots lots;
	private final RecallingLots recalls;
	private final LinkingLots linking;
	private final ListingProducts listing;
	private final Texts texts;

	MyLotsController(KeepingLots lots, RecallingLots recalls, LinkingLots linking, ListingProducts listing, Texts texts) {
		this.linking = linking;
		this.lots = lots;
		this.recalls = recalls;
		this.listing = listing;
		this.texts = texts;
	}

	@GetMapping("/economy/mine/lots")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return list(me, Form.empty(), model);
	}

	@PostMapping("/economy/mine/lots")
	String create(@AuthenticationPrincipal OfficialPrincipal me, LotForms.LotForm lot, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			long id = lots.create(me, lot.input());
			redirect.addFlashAttribute("notice", texts.t("economy.lot.created"));
			return "redirect:/economy/mine/lots/" + id;
		}
		catch (EconomyException e) {
			response.setStatus(Texts.status(e));
			return list(me, texts.reject(lot.form(), e), model);
		}
	}

	@GetMapping("/economy/mine/lots/{id}")
	String lot(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, HttpServletRequest request, Model model) {
		return lot(me, id, new Forms(Form.empty(), Form.empty(), Form.empty()), request, model);
	}

	@PostMapping("/economy/mine/lots/{id}/events")
	String diary(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, LotForms.DiaryForm diary,
			@RequestParam(name = "photo", required = false) @Nullable MultipartFile photo, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
		try {
			lots.record(me, id, diary.input(), photo == null || photo.isEmpty() ? null : photo.getBytes());
			redirect.addFlashAttribute("notice", texts.t("economy.lot.recorded"));
			return "redirect:/economy/mine/lots/" + id;
		}
		catch (EconomyException e) {
			response.setStatus(Texts.status(e));
			return lot(me, id, new Forms(texts.reject(diary.form(), e), Form.empty(), Form.empty()), request, model);
		}
	}

	@PostMapping("/economy/mine/lots/{id}/inputs")
	String process(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, LotForms.ProcessForm process,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			linking.process(me, id, process.input());
			redirect.addFlashAttribute("notice", texts.t("economy.lot.processed"));
			return "redirect:/economy/mine/lots/" + id;
		}
		catch (EconomyException e) {
			response.setStatus(Texts.status(e));
			return lot(me, id, new Forms(Form.empty(), texts.reject(process.form(), e), Form.empty()), request, model);
		}
	}

	@GetMapping("/economy/mine/lots/{id}/anh/{photoId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long photoId) {
		return photo(me, id, photoId, false);
	}

	@GetMapping("/economy/mine/lots/{id}/anh/{photoId}/nho")
	ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long photoId) {
		return photo(me, id, photoId, true);
	}

	@PostMapping("/economy/mine/lots/{id}/recall")
	String recall(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, LotForms.RecallForm recall,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			var done = recalls.byProducer(me, id, recall.text());
			redirect.addFlashAttribute("notice", texts.t("economy.lot.recalledNotice", done.buyersTold()));
			return "redirect:/economy/mine/lots/" + id;
		}
		catch (EconomyException e) {
			response.setStatus(Texts.status(e));
			return lot(me, id, new Forms(Form.empty(), Form.empty(), texts.reject(recall.form(), e)), request, model);
		}
	}

	@GetMapping("/economy/mine/lots/{id}/labels.pdf")
	ResponseEntity<byte[]> labels(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, HttpServletRequest request) {
		var page = page(me, id);
		var pdf = lots.labels(me, id, ShopController.base(request));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename("nhan-lo-" + page.lot().lotNumber() + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/economy/mine/lots/{id}/epcis")
	ResponseEntity<String> export(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		page(me, id);
		return ResponseEntity.ok().contentType(ResolverController.LD_JSON).body(lots.export(me, id));
	}

	private String list(OfficialPrincipal me, Form form, Model model) {
		try {
			model.addAttribute("lots", lots.mine(me));
			model.addAttribute("products", listing.mine(me).products());
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "economy/lots";
	}

	/** The batch page's three forms, each with what was typed and its refusal. */
	private record Forms(Form diary, Form process, Form recall) {
	}

	private ResponseEntity<byte[]> photo(OfficialPrincipal me, long id, long photoId, boolean thumbnail) {
		byte[] bytes;
		try {
			bytes = lots.photo(me, id, photoId, thumbnail).orElseThrow(() -> new EconomyException(null, "economy.error.noLot"));
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate()).body(bytes);
	}

	private String lot(OfficialPrincipal me, long id, Forms forms, HttpServletRequest request, Model model) {
		model.addAttribute("view", page(me, id));
		model.addAttribute("steps", LotStep.diary());
		model.addAttribute("diary", forms.diary());
		model.addAttribute("process", forms.process());
		model.addAttribute("recall", forms.recall());
		model.addAttribute("inputs", linking.inputChoices(me, id));
		model.addAttribute("relations", linking.relations(me, id));
		model.addAttribute("base", ShopController.base(request));
		return "economy/lot";
	}

	private KeepingLots.LotPage page(OfficialPrincipal me, long id) {
		try {
			return lots.ofMine(me, id);
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
	}
}
