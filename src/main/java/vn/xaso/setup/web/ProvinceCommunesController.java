package vn.xaso.setup.web;

import java.util.LinkedHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Paging;
import vn.xaso.setup.internal.ProvinceCommunes;
import vn.xaso.setup.internal.ProvinceOnboarding;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * {@code /province/communes}: every commune of the province and how far its setup is, "72/173" at the top; for an
 * invited commune whether its link was delivered, with "Gửi lại" (a new link replaces the old one).
 */
@Controller
class ProvinceCommunesController {

	private final ProvinceCommunes communes;
	private final Units units;
	private final ProvinceOnboarding onboarding;
	private final MessageSource messages;

	ProvinceCommunesController(ProvinceCommunes communes, Units units, ProvinceOnboarding onboarding, MessageSource messages) {
		this.communes = communes;
		this.units = units;
		this.onboarding = onboarding;
		this.messages = messages;
	}

	/** The "Gửi lại" form: the link it replaces (see {@link ProvinceCommunes.Link#key}) and, for a national administrator, the province. */
	record ResendForm(@Nullable String link, @Nullable String province) {
	}

	@PostMapping("/province/communes/{commune}/resend")
	String resend(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable String commune, ResendForm form,
			RedirectAttributes redirect) {
		var code = ProvinceScope.of(me, form.province());
		if (!commune.matches("[0-9]{5}") || !units.communesOf(code).contains(commune)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var name = units.find(commune).map(Unit::name).orElse(commune);
		try {
			var key = form.link() == null ? "" : form.link().strip();
			boolean sent = onboarding.resend(code, me.username(), commune, key);
			redirect.addFlashAttribute("notice", messages.getMessage(sent ? "province.communes.resent" : "province.communes.resentAlready",
					new Object[] { name }, LocaleContextHolder.getLocale()));
		}
		catch (SetupException e) {
			redirect.addFlashAttribute("problem", e.localMessage());
		}
		return "redirect:/province/communes" + ProvinceScope.suffix(me, code);
	}

	@GetMapping("/province/communes")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String province,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var code = ProvinceScope.of(me, province);
		var name = units.find(code).map(Unit::name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var query = q.length() > 100 ? q.substring(0, 100) : q;
		ProvinceCommunes.State only = null;
		for (var s : ProvinceCommunes.State.values()) {
			if (s.name().equalsIgnoreCase(state)) {
				only = s;
			}
		}
		var pageNo = Math.max(0, Math.min(page, 10_000));
		var overview = communes.overview(code, query, only, pageNo * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE);
		var params = new LinkedHashMap<String, String>();
		params.put("province", code.equals(me.unitCode()) ? "" : code);
		params.put("q", query);
		params.put("state", only == null ? "" : only.name());
		model.addAttribute("provinceName", name);
		model.addAttribute("province", code.equals(me.unitCode()) ? "" : code);
		model.addAttribute("q", query);
		model.addAttribute("state", only == null ? "" : only.name());
		model.addAttribute("overview", overview);
		model.addAttribute("paging", Paging.of(pageNo, overview.matching(), "/province/communes", params));
		return "province/communes";
	}
}
