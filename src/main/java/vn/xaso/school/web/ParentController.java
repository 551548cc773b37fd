package vn.xaso.school.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.render.QrCodes;
import vn.xaso.platform.web.Form;
import vn.xaso.school.SchoolException;
import vn.xaso.school.internal.PayingTuition;
import vn.xaso.school.internal.ReadingContactBook;

/**
 * A parent's pages: their children, one child's contact book (notes, replies, fees), a reply, paying a fee by VietQR
 * into the school's account and the receipt. Another pupil's pages answer 404.
 */
@Controller
class ParentController {

	private final ReadingContactBook books;
	private final PayingTuition tuition;
	private final SchoolTexts texts;

	ParentController(ReadingContactBook books, PayingTuition tuition, SchoolTexts texts) {
		this.books = books;
		this.tuition = tuition;
		this.texts = texts;
	}

	@GetMapping("/citizen/so-lien-lac")
	String children(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
		model.addAttribute("children", books.children(me));
		return "school/children";
	}

	@GetMapping("/citizen/so-lien-lac/{pupilId}")
	String book(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, Model model) {
		return book(me, pupilId, Form.empty(), model);
	}

	@PostMapping("/citizen/so-lien-lac/{pupilId}/tra-loi")
	String reply(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, SchoolForms.ReplyForm reply, Model model,
			RedirectAttributes redirect) {
		try {
			books.reply(me, pupilId, SchoolForms.s(reply.noteId()), SchoolForms.s(reply.body()));
			redirect.addFlashAttribute("notice", texts.t("school.parent.replied"));
			return "redirect:/citizen/so-lien-lac/" + pupilId;
		}
		catch (SchoolException e) {
			return book(me, pupilId, texts.reject(reply.form(), e), model);
		}
	}

	@PostMapping("/citizen/so-lien-lac/{pupilId}/xac-nhan")
	String confirm(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, SchoolForms.ConsentForm consent, Model model,
			RedirectAttributes redirect) {
		try {
			books.confirm(me, pupilId, consent.agreed());
			redirect.addFlashAttribute("notice", texts.t("school.consent.confirmed"));
			return "redirect:/citizen/so-lien-lac/" + pupilId;
		}
		catch (SchoolException e) {
			return book(me, pupilId, texts.reject(Form.empty(), e), model);
		}
	}

	@PostMapping("/citizen/so-lien-lac/{pupilId}/rut-xac-nhan")
	String withdraw(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, RedirectAttributes redirect) {
		refused(() -> {
			books.withdraw(me, pupilId);
			return null;
		});
		redirect.addFlashAttribute("notice", texts.t("school.consent.withdrawn"));
		return "redirect:/citizen/so-lien-lac/" + pupilId;
	}

	@GetMapping("/citizen/so-lien-lac/{pupilId}/hoc-phi/{chargeId}")
	String pay(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, @PathVariable long chargeId, Model model) {
		model.addAttribute("payment", refused(() -> tuition.open(me, pupilId, chargeId)));
		return "school/pay";
	}

	@GetMapping("/citizen/so-lien-lac/{pupilId}/hoc-phi/{chargeId}/vietqr.png")
	ResponseEntity<byte[]> vietQr(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, @PathVariable long chargeId) {
		var payment = refused(() -> tuition.open(me, pupilId, chargeId));
		if (payment.transfer().payload().isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
			.body(QrCodes.png(payment.transfer().payload(), 480, 2));
	}

	@GetMapping("/citizen/so-lien-lac/{pupilId}/hoc-phi/{chargeId}/bien-lai.pdf")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long pupilId, @PathVariable long chargeId) {
		var pdf = refused(() -> tuition.receipt(me, pupilId, chargeId));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bien-lai-hoc-phi-" + chargeId + ".pdf\"").body(pdf);
	}

	private String book(CitizenPrincipal me, long pupilId, Form form, Model model) {
		model.addAttribute("book", refused(() -> books.book(me, pupilId)));
		model.addAttribute("form", form);
		return "school/book";
	}

	private static <T> T refused(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (SchoolException e) {
			SchoolTexts.refuseAccess(e);
			throw e;
		}
	}
}
