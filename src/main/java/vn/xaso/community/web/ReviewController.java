package vn.xaso.community.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.ReviewingFieldEntries;
import vn.xaso.identity.OfficialPrincipal;

/**
 * Surveys written offline that met a newer survey of the same household: both versions side by side, and the
 * choice to keep the offline one (added to the history) or set it aside (it stays on record).
 */
@Controller
class ReviewController {

	/** The choice on one waiting survey. */
	enum Decision { KEEP, SET_ASIDE }

	/** The review form: one button per choice. */
	record ReviewForm(@NotNull(message = "community.review.error.choose") @Nullable Decision decision) {
	}

	private final Actors actors;
	private final ReviewingFieldEntries reviewing;
	private final Texts texts;

	ReviewController(Actors actors, ReviewingFieldEntries reviewing, Texts texts) {
		this.actors = actors;
		this.reviewing = reviewing;
		this.texts = texts;
	}

	@GetMapping("/community/reviews")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("waiting", reviewing.waiting(actors.of(me)));
		return "community/reviews";
	}

	@PostMapping("/community/reviews/{id}")
	String decide(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid @ModelAttribute ReviewForm form,
			BindingResult binding, RedirectAttributes redirect) {
		if (binding.hasErrors() || form.decision() == null) {
			redirect.addFlashAttribute("notice", texts.t("community.review.error.choose"));
			return "redirect:/community/reviews";
		}
		try {
			reviewing.decide(actors.of(me), id, form.decision() == Decision.KEEP);
			redirect.addFlashAttribute("notice", texts.t(form.decision() == Decision.KEEP ? "community.review.kept" : "community.review.setAside"));
		}
		catch (CommunityException e) {
			if (e.key().equals("community.review.error.none")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("notice", texts.t(e.key(), e.args()));
		}
		return "redirect:/community/reviews";
	}
}
