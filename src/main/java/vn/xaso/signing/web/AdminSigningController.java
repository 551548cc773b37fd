package vn.xaso.signing.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.SigningIdentity.HolderKind;
import vn.xaso.signing.TrustAnchors;

/** The administrator's signing pages: signing identities of their own unit, and the installation's trust anchors. */
@Controller
class AdminSigningController {

	private final SigningIdentities identities;
	private final TrustAnchors anchors;
	private final PdfSigning signing;

	AdminSigningController(SigningIdentities identities, TrustAnchors anchors, PdfSigning signing) {
		this.identities = identities;
		this.anchors = anchors;
		this.signing = signing;
	}

	@GetMapping("/admin/signing")
	String page(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return render(me, model, Form.empty(), Form.empty(), Form.empty());
	}

	@PostMapping("/admin/signing/identities")
	String generate(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		var form = Form.of(params);
		try {
			var password = params.getOrDefault("password", "");
			if (!password.equals(params.getOrDefault("passwordAgain", ""))) {
				throw new SigningException("Hai lần nhập mật khẩu không giống nhau.");
			}
			var created = identities.generate(me.unitCode(), me.username(), kind(params.get("holderKind")),
					params.getOrDefault("holderName", ""), params.get("officialUsername"), me.unitLabel(), password.toCharArray());
			redirect.addFlashAttribute("notice", "Đã tạo chữ ký số cho " + created.holderName() + ".");
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			return render(me, model, form.reject("holderName", e.getMessage()), Form.empty(), Form.empty());
		}
	}

	@PostMapping("/admin/signing/identities/import")
	String importP12(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect) {
		var form = Form.of(params);
		try {
			var created = identities.importPkcs12(me.unitCode(), me.username(), kind(params.get("holderKind")),
					params.getOrDefault("holderName", ""), params.get("officialUsername"), bytes(file),
					params.getOrDefault("password", "").toCharArray());
			redirect.addFlashAttribute("notice", "Đã nhập chữ ký số của " + created.holderName() + ".");
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			return render(me, model, Form.empty(), form.reject("importFile", e.getMessage()), Form.empty());
		}
	}

	@PostMapping("/admin/signing/identities/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		own(me, id);
		identities.deactivate(me.unitCode(), me.username(), id);
		redirect.addFlashAttribute("notice", "Đã ngừng dùng chữ ký số.");
		return "redirect:/admin/signing";
	}

	/** Signs a one-page sample with the identity, to check the password and the appearance. */
	@PostMapping("/admin/signing/identities/{id}/try")
	Object trySign(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		var identity = own(me, id);
		try {
			var signer = identities.unlock(me.unitCode(), id, password.toCharArray());
			var appearance = identity.holderKind() == HolderKind.ORGANISATION ? SignatureAppearance.organisation(identity.holderName())
					: SignatureAppearance.personal(identity.holderName());
			var pdf = signing.sign(SamplePdf.create(me.unitLabel()), signer, appearance);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("thu-ky-so.pdf").build().toString())
				.body(pdf);
		}
		catch (SigningException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/admin/signing";
		}
	}

	@PostMapping("/admin/signing/trust-anchors")
	String addAnchor(@AuthenticationPrincipal OfficialPrincipal me,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect) {
		try {
			var added = anchors.add(me.unitCode(), me.username(), bytes(file));
			redirect.addFlashAttribute("notice", added.isEmpty() ? "Chứng thư này đã có trong danh sách tin cậy."
					: "Đã thêm " + added.size() + " chứng thư tin cậy.");
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			return render(me, model, Form.empty(), Form.empty(), Form.empty().reject("anchorFile", e.getMessage()));
		}
	}

	@PostMapping("/admin/signing/trust-anchors/{id}/delete")
	String removeAnchor(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		if (!anchors.remove(me.unitCode(), me.username(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "Đã bỏ chứng thư khỏi danh sách tin cậy.");
		return "redirect:/admin/signing";
	}

	private SigningIdentity own(OfficialPrincipal me, long id) {
		return identities.find(me.unitCode(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String render(OfficialPrincipal me, Model model, Form generate, Form importForm, Form anchorForm) {
		model.addAttribute("me", me);
		model.addAttribute("identities", identities.list(me.unitCode()));
		model.addAttribute("anchors", anchors.list());
		model.addAttribute("generate", generate);
		model.addAttribute("importForm", importForm);
		model.addAttribute("anchorForm", anchorForm);
		model.addAttribute("now", Instant.now());
		return "signing/admin";
	}

	private static HolderKind kind(@Nullable String value) {
		return "ORGANISATION".equals(value) ? HolderKind.ORGANISATION : HolderKind.OFFICIAL;
	}

	private static byte[] bytes(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new SigningException("Hãy chọn một tệp.");
		}
		if (file.getSize() > 1024 * 1024) {
			throw new SigningException("Tệp quá lớn: chứng thư và tệp chữ ký số chỉ vài KB.");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new SigningException("Không đọc được tệp đã tải lên.", e);
		}
	}
}
