package vn.xaso.setup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
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

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.ProvinceOnboarding;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** {@code /province/onboarding}: upload the communes' list, see the dry run, confirm the invitations. */
@Controller
class ProvinceOnboardingController {

	/** The sample list: the column names the reader expects (Vietnamese, whatever the page language) and one row. */
	static final String SAMPLE = SetupException.vietnamese("setup.text.sampleCsv");

	private final ProvinceOnboarding onboarding;
	private final Units units;

	ProvinceOnboardingController(ProvinceOnboarding onboarding, Units units) {
		this.onboarding = onboarding;
		this.units = units;
	}

	@GetMapping("/province/onboarding")
	String start(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String province, Model model) {
		return page(me, ProvinceScope.of(me, province), Form.empty(), model);
	}

	@GetMapping("/province/onboarding/sample.csv")
	ResponseEntity<byte[]> sample(@AuthenticationPrincipal OfficialPrincipal me) {
		ProvinceScope.of(me, null);
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"danh-sach-xa-mau.csv\"")
			.body(("\uFEFF" + SAMPLE).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/province/onboarding/check")
	String check(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response) throws IOException {
		var code = ProvinceScope.of(me, province);
		try {
			var id = onboarding.check(code, me.username(), file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes());
			return "redirect:/province/onboarding/" + id + ProvinceScope.suffix(me, code);
		}
		catch (SetupException e) {
			var form = Form.empty();
			e.localErrors().forEach((field, message) -> form.reject("_page".equals(field) ? "file" : field, message));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(me, code, form, model);
		}
	}

	@GetMapping("/province/onboarding/{id}")
	String checked(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String province, Model model) {
		var code = ProvinceScope.of(me, province);
		var found = onboarding.find(code, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("provinceName", units.find(code).map(Unit::name).orElse(code));
		model.addAttribute("suffix", ProvinceScope.suffix(me, code));
		model.addAttribute("checked", found);
		return "province/checked";
	}

	@PostMapping("/province/onboarding/{id}/confirm")
	String confirm(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String province, RedirectAttributes redirect) {
		var code = ProvinceScope.of(me, province);
		onboarding.find(code, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			var done = onboarding.confirm(code, me.username(), id);
			if (!done.already()) {
				redirect.addFlashAttribute("notice", done.invited());
			}
		}
		catch (SetupException e) {
			redirect.addFlashAttribute("problem", e.localMessage());
		}
		return "redirect:/province/onboarding/" + id + ProvinceScope.suffix(me, code);
	}

	private String page(OfficialPrincipal me, String code, Form form, Model model) {
		model.addAttribute("provinceName", units.find(code).map(Unit::name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("province", code.equals(me.unitCode()) ? "" : code);
		model.addAttribute("form", form);
		return "province/onboarding";
	}
}
