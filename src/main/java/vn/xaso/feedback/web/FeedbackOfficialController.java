package vn.xaso.feedback.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Villages;

/** The officials' triage list and a report's page with its actions: assign, note, answer, close, merge, photos. */
@Controller
class FeedbackOfficialController {

	private final Feedback feedback;
	private final Villages villages;

	FeedbackOfficialController(Feedback feedback, Villages villages) {
		this.feedback = feedback;
		this.villages = villages;
	}

	@GetMapping("/feedback")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model) {
		var actor = FeedbackActor.of(me);
		var form = Form.of(params);
		int page = FeedbackPublicController.parseInt(params.get("page"));
		Feedback.Listing<Feedback.Row> listing;
		try {
			listing = feedback.search(actor, new Feedback.Search(params.get("q"), params.get("status"), params.get("category"),
					params.get("handler"), params.get("view"), page, Paging.DEFAULT_SIZE));
		}
		catch (FeedbackException e) {
			form.reject(e.field(), e.getMessage());
			listing = new Feedback.Listing<>(java.util.List.of(), 0);
		}
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("counts", feedback.counts(actor));
		model.addAttribute("categories", feedback.categories(me.unitCode()));
		model.addAttribute("handlers", feedback.handlers(actor));
		model.addAttribute("today", feedback.today());
		model.addAttribute("paging", Paging.of(page, listing.total(), "/feedback", params));
		return "feedback/triage";
	}

	@GetMapping("/feedback/{id}")
	String detail(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return detail(me, id, Form.empty(), model);
	}

	private String detail(OfficialPrincipal me, long id, Form form, Model model) {
		var actor = FeedbackActor.of(me);
		var report = feedback.find(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("report", report);
		model.addAttribute("events", feedback.events(actor, id));
		model.addAttribute("duplicates", feedback.duplicatesOf(actor, id));
		model.addAttribute("handlers", feedback.handlers(actor));
		model.addAttribute("actor", actor);
		model.addAttribute("form", form);
		model.addAttribute("today", feedback.today());
		var village = report.villageCode() == null ? null
				: villages.list(report.unitCode()).stream().filter(v -> v.code().equals(report.villageCode())).findFirst()
					.map(v -> v.fullName()).orElse(report.villageCode());
		model.addAttribute("village", village);
		return "feedback/detail";
	}

	@GetMapping("/feedback/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long photoId,
			@RequestParam(defaultValue = "false") boolean thumb) {
		var actor = FeedbackActor.of(me);
		var report = feedback.find(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!report.photoIds().contains(photoId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var photo = feedback.photo(me.unitCode(), photoId, thumb, false).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(photo.content());
	}

	@PostMapping("/feedback/{id}/assign")
	String assign(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(me, id, params, model, redirect, "Đã giao người xử lý.",
				() -> feedback.assign(FeedbackActor.of(me), id, params.getOrDefault("handler", "")));
	}

	@PostMapping("/feedback/{id}/note")
	String note(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(me, id, params, model, redirect, "Đã ghi chú nội bộ.",
				() -> feedback.note(FeedbackActor.of(me), id, params.getOrDefault("note", "")));
	}

	@PostMapping("/feedback/{id}/answer")
	String answer(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(me, id, params, model, redirect, "Đã gửi câu trả lời. Người phản ánh sẽ được báo.",
				() -> feedback.answer(FeedbackActor.of(me), id, params.getOrDefault("answer", "")));
	}

	@PostMapping("/feedback/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(me, id, params, model, redirect, "Đã đóng phản ánh.",
				() -> feedback.close(FeedbackActor.of(me), id, params.getOrDefault("closeNote", "")));
	}

	@PostMapping("/feedback/{id}/merge")
	String merge(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		return act(me, id, params, model, redirect, "Đã gộp vào phản ánh được giữ lại.",
				() -> feedback.merge(FeedbackActor.of(me), id, params.getOrDefault("keptCode", "")));
	}

	@PostMapping("/feedback/{id}/photos")
	String photos(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		var visible = "true".equals(params.get("public"));
		return act(me, id, params, model, redirect, visible ? "Ảnh đã được công khai." : "Ảnh đã được ẩn khỏi trang công khai.", () -> {
			if (!visible && !"false".equals(params.get("public"))) {
				throw new FeedbackException("public", "Hãy chọn công khai hoặc ẩn ảnh.");
			}
			feedback.setPhotosPublic(FeedbackActor.of(me), id, visible);
		});
	}

	private String act(OfficialPrincipal me, long id, Map<String, String> params, Model model, RedirectAttributes redirect,
			String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
			return "redirect:/feedback/" + id;
		}
		catch (FeedbackException e) {
			return detail(me, id, Form.of(params).reject(e.field(), e.getMessage()), model);
		}
		catch (Feedback.NotFound e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}
}
