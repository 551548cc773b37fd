package vn.xaso.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/** Administrators manage the official accounts of their own unit. */
@Controller
class AdminAccountsController {

	private final Accounts accounts;

	AdminAccountsController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/accounts")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var query = q.length() > 100 ? q.substring(0, 100) : q;
		var pageNo = Math.max(0, page);
		var result = accounts.list(me.unitCode(), query, pageNo * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE);
		model.addAttribute("me", me);
		model.addAttribute("q", query);
		model.addAttribute("items", result.items());
		model.addAttribute("paging", Paging.of(pageNo, Paging.DEFAULT_SIZE, result.total(),
				"/admin/accounts?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&page=" + pageNo));
		return "identity/admin-accounts";
	}

	@GetMapping("/admin/accounts/new")
	String newForm(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return form(me, model, Form.empty(), Set.of(), null);
	}

	@PostMapping("/admin/accounts")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		var roles = roles(params.get("roles"));
		try {
			var id = accounts.create(me.unitCode(), new Accounts.NewOfficial(params.getFirst("username"),
					params.getFirst("fullName"), params.getFirst("title"), params.getFirst("phone"),
					params.getFirst("email"), roles, params.getFirst("villageCode"), params.getFirst("password")));
			redirect.addFlashAttribute("notice", "Đã tạo tài khoản " + params.getFirst("username") + ".");
			return "redirect:/admin/accounts/" + id;
		}
		catch (AccountException e) {
			return form(me, model, Form.of(params.toSingleValueMap()).reject(field(e), e.getMessage()), roles, null);
		}
	}

	@GetMapping("/admin/accounts/{id}")
	String edit(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var account = accounts.find(me.unitCode(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = Form.empty().value("username", account.username()).value("fullName", account.fullName())
			.value("title", account.title()).value("email", account.email())
			.value("villageCode", account.villageCode());
		return form(me, model, form, account.roles(), account);
	}

	@PostMapping("/admin/accounts/{id}")
	String update(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		var account = accounts.find(me.unitCode(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var roles = roles(params.get("roles"));
		try {
			var phone = params.getFirst("phone");
			accounts.update(me.unitCode(), id, new Accounts.Profile(params.getFirst("fullName"), params.getFirst("title"),
					phone == null || phone.isBlank() ? null : phone, params.getFirst("email"), roles,
					params.getFirst("villageCode")));
			redirect.addFlashAttribute("notice", "Đã lưu thay đổi.");
			return "redirect:/admin/accounts/" + id;
		}
		catch (AccountException e) {
			return form(me, model, Form.of(params.toSingleValueMap()).value("username", account.username())
				.reject(field(e), e.getMessage()), roles, account);
		}
	}

	@PostMapping("/admin/accounts/{id}/active")
	String active(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam boolean active,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> accounts.setActive(me.unitCode(), id, active),
				active ? "Đã mở lại tài khoản." : "Đã ngừng tài khoản.");
	}

	@PostMapping("/admin/accounts/{id}/unlock")
	String unlock(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> accounts.unlock(me.unitCode(), id), "Đã mở khóa tài khoản.");
	}

	@PostMapping("/admin/accounts/{id}/password")
	String password(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		return act(id, redirect, () -> accounts.resetPassword(me.unitCode(), id, password),
				"Đã đặt mật khẩu mới. Hãy báo cho cán bộ và đề nghị họ đổi mật khẩu khi đăng nhập.");
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String success) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", success);
		}
		catch (AccountException e) {
			if (e.field() == null && e.getMessage().startsWith("Không tìm thấy")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/admin/accounts/" + id;
	}

	private String form(OfficialPrincipal me, Model model, Form form, Set<Role> roles, Accounts.OfficialView account) {
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		model.addAttribute("selectedRoles", roles);
		model.addAttribute("allRoles", me.unitCode().length() == 2 ? List.of(Role.PROVINCE_VIEWER, Role.ADMIN, Role.PROVINCE_ADMIN)
				: EnumSet.complementOf(EnumSet.of(Role.PROVINCE_VIEWER, Role.NATIONAL_ADMIN, Role.PROVINCE_ADMIN)).stream().toList());
		model.addAttribute("account", account);
		return "identity/admin-account";
	}

	private static String field(AccountException e) {
		return e.field() == null ? "fullName" : e.field();
	}

	private static Set<Role> roles(List<String> names) {
		var set = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (var name : names) {
				try {
					set.add(Role.valueOf(name));
				}
				catch (IllegalArgumentException ignored) {
					// an unknown role name from a tampered form is simply not granted
				}
			}
		}
		return set;
	}

}
