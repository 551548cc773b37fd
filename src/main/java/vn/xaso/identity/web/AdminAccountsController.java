package vn.xaso.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
	private final MessageSource messages;

	AdminAccountsController(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** An official's account as posted; {@code roles} is one value per ticked role, {@code password} only when creating. */
	record AccountForm(@Nullable String username, @Nullable String fullName, @Nullable String title, @Nullable String phone,
			@Nullable String email, @Nullable List<String> roles, @Nullable String villageCode, @Nullable String password) {

		/** The values to show again (never the password). */
		Form form() {
			return Form.empty().value("username", username).value("fullName", fullName).value("title", title).value("phone", phone)
				.value("email", email).value("villageCode", villageCode);
		}
	}

	/** A message of the identity bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
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
	String create(@AuthenticationPrincipal OfficialPrincipal me, AccountForm posted, Model model, RedirectAttributes redirect) {
		var roles = roles(posted.roles());
		try {
			var id = accounts.create(me.unitCode(), new Accounts.NewOfficial(posted.username(), posted.fullName(), posted.title(),
					posted.phone(), posted.email(), roles, posted.villageCode(), posted.password()));
			redirect.addFlashAttribute("notice", text("identity.done.created", String.valueOf(posted.username())));
			return "redirect:/admin/accounts/" + id;
		}
		catch (AccountException e) {
			return form(me, model, posted.form().reject(field(e), e.localMessage()), roles, null);
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
			AccountForm posted, Model model, RedirectAttributes redirect) {
		var account = accounts.find(me.unitCode(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var roles = roles(posted.roles());
		try {
			var phone = posted.phone();
			accounts.update(me.unitCode(), id, new Accounts.Profile(posted.fullName(), posted.title(),
					phone == null || phone.isBlank() ? null : phone, posted.email(), roles, posted.villageCode()));
			redirect.addFlashAttribute("notice", text("identity.done.saved"));
			return "redirect:/admin/accounts/" + id;
		}
		catch (AccountException e) {
			return form(me, model, posted.form().value("username", account.username()).reject(field(e), e.localMessage()), roles,
					account);
		}
	}

	@PostMapping("/admin/accounts/{id}/active")
	String active(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam boolean active,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> accounts.setActive(me.unitCode(), id, active),
				text(active ? "identity.done.reopened" : "identity.done.stopped"));
	}

	@PostMapping("/admin/accounts/{id}/unlock")
	String unlock(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> accounts.unlock(me.unitCode(), id), text("identity.done.unlocked"));
	}

	@PostMapping("/admin/accounts/{id}/password")
	String password(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		return act(id, redirect, () -> accounts.resetPassword(me.unitCode(), id, password),
				text("identity.done.passwordSet"));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String success) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", success);
		}
		catch (AccountException e) {
			if (e.field() == null && "identity.error.notFound".equals(e.key())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("problem", e.localMessage());
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

	private static Set<Role> roles(@Nullable List<String> names) {
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
