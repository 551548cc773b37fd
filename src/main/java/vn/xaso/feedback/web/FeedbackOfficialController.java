package vn.xaso.feedback.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;
import vn.xaso.feedback.web.FeedbackForms.AnswerForm;
import vn.xaso.feedback.web.FeedbackForms.CloseForm;
import vn.xaso.feedback.web.FeedbackForms.HandlerForm;
import vn.xaso.feedback.web.FeedbackForms.MergeForm;
import vn.xaso.feedback.web.FeedbackForms.NoteForm;
import vn.xaso.feedback.web.FeedbackForms.PhotosForm;
import vn.xaso.feedback.web.FeedbackForms.TriageFilter;
import vn.xaso.units.Villages;

/** The officials' triage list and a report's page with its actions: assign, note, answer, close, merge, photos. */
@Controller
class FeedbackOfficialController {

	private final Feedback feedback;
	private final Villages villages;
	private final MessageSource messages;

	FeedbackOfficialController(Feedback feedback, Villages villages, MessageSource messages) {
		this.feedback = feedback;
		this.villages = villages;
		this.messages = messages;
	}

	@GetMapping("/feedback")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @Valid TriageFilter filter, BindingResult result, Locale locale,
			Model model) {
		var actor = FeedbackActor.of(me);
		var form = Form.of(filter.values(), result);
		int page = FeedbackForms.page(filter.page());
		Feedback.Listing<Feedback.Row> listing = new Feedback.Listing<>(java.util.List.of(), 0);
		if (!result.hasErrors()) {
			try {
				listing = feedback.search(actor, new Feedback.Search(filter.q(), filter.status(), filter.category(), filter.handler(),
						filter.view(), page, Paging.DEFAULT_SIZE));
			}
			catch (FeedbackException e) {
				form.reject(e.field(), e.message(messages, locale));
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("counts", feedback.counts(actor));
		model.addAttribute("categories", feedback.categories(me.unitCode()));
		model.addAttribute("handlers", feedback.handlers(actor));
		model.addAttribute("today", feedback.today());
		model.addAttribute("paging", Paging.of(page, listing.total(), "/feedback", filter.values()));
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
	String assign(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid HandlerForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return act(me, id, Form.of(form.values(), result), locale, model, redirect, "feedback.done.assigned",
				() -> feedback.assign(FeedbackActor.of(me), id, form.handler()));
	}

	@PostMapping("/feedback/{id}/note")
	String note(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid NoteForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return act(me, id, Form.of(form.values(), result), locale, model, redirect, "feedback.done.noted",
				() -> feedback.note(FeedbackActor.of(me), id, form.note()));
	}

	@PostMapping("/feedback/{id}/answer")
	String answer(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid AnswerForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return act(me, id, Form.of(form.values(), result), locale, model, redirect, "feedback.done.answered",
				() -> feedback.answer(FeedbackActor.of(me), id, form.answer()));
	}

	@PostMapping("/feedback/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid CloseForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return act(me, id, Form.of(form.values(), result), locale, model, redirect, "feedback.done.closed",
				() -> feedback.close(FeedbackActor.of(me), id, form.closeNote()));
	}

	@PostMapping("/feedback/{id}/merge")
	String merge(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid MergeForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		return act(me, id, Form.of(form.values(), result), locale, model, redirect, "feedback.done.merged",
				() -> feedback.merge(FeedbackActor.of(me), id, form.keptCode()));
	}

	@PostMapping("/feedback/{id}/photos")
	String photos(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid PhotosForm form, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		var visible = "true".equals(form.visible());
		var values = Form.of(form.values());
		if (result.hasErrors()) {
			values.reject("public", messages.getMessage("feedback.error.photosChoice", null, locale));
		}
		return act(me, id, values, locale, model, redirect, visible ? "feedback.done.photosShown" : "feedback.done.photosHidden",
				() -> feedback.setPhotosPublic(FeedbackActor.of(me), id, visible));
	}

	/** Runs the action unless the form was refused; a refusal shows the report again with the message, nothing changed. */
	private String act(OfficialPrincipal me, long id, Form form, Locale locale, Model model, RedirectAttributes redirect, String done,
			Runnable action) {
		if (form.hasErrors()) {
			return detail(me, id, form, model);
		}
		try {
			action.run();
			redirect.addFlashAttribute("notice", messages.getMessage(done, null, locale));
			return "redirect:/feedback/" + id;
		}
		catch (FeedbackException e) {
			return detail(me, id, form.reject(e.field(), e.message(messages, locale)), model);
		}
		catch (Feedback.NotFound e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}
}
