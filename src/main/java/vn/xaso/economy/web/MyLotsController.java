package vn.xaso.economy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.LotStep;
import vn.xaso.economy.internal.RecallingLots;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * The producer's batches, from a phone: the list and a new batch; a batch's diary (add a step), its label sheet (PDF),
 * its EPCIS 2.0 export and its recall.
 */
@Controller
class MyLotsController {

	private final KeepingLots lots;
	private final RecallingLots recalls;
	private final ListingProducts listing;
	private final Texts texts;

	MyLotsController(KeepingLots lots, RecallingLots recalls, ListingProducts listing, Texts texts) {
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
		return lot(me, id, Form.empty(), Form.empty(), request, model);
	}

	@PostMapping("/economy/mine/lots/{id}/events")
	String diary(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, LotForms.DiaryForm diary,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			lots.record(me, id, diary.input());
			redirect.addFlashAttribute("notice", texts.t("economy.lot.recorded"));
			return "redirect:/economy/mine/lots/" + id;
		}
		catch (EconomyException e) {
			response.setStatus(Texts.status(e));
			return lot(me, id, texts.reject(diary.form(), e), Form.empty(), request, model);
		}
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
			return lot(me, id, Form.empty(), texts.reject(recall.form(), e), request, model);
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

	private String lot(OfficialPrincipal me, long id, Form diary, Form recall, HttpServletRequest request, Model model) {
		model.addAttribute("view", page(me, id));
		model.addAttribute("steps", LotStep.diary());
		model.addAttribute("diary", diary);
		model.addAttribute("recall", recall);
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
