package vn.xaso.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.NavLinks;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.internal.CitizenSignIn;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.web.Form;

/** Sign-in pages: officials (username and password, Spring Security checks the form) and citizens (phone + code). */
@Controller
class SignInController {

	static final String ERROR_ATTRIBUTE = "xaso.signin.error";
	static final String USERNAME_ATTRIBUTE = "xaso.signin.username";

	private final CitizenSignIn citizens;
	private final DemoTextMessages demoOutbox;
	private final boolean showDemoCodes;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final org.springframework.security.web.savedrequest.RequestCache requestCache =
			new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
	private final String oidcName;
	private final NavLinks navLinks;

	SignInController(CitizenSignIn citizens, org.springframework.beans.factory.ObjectProvider<DemoTextMessages> demoOutbox,
			Environment env, NavLinks navLinks) {
		this.citizens = citizens;
		this.navLinks = navLinks;
		this.demoOutbox = demoOutbox.getIfAvailable();
		this.showDemoCodes = env.getProperty("xaso.demo.load", Boolean.class, false);
		this.oidcName = env.getProperty("xaso.oidc.client-id") == null ? "" : env.getProperty("xaso.oidc.name", "VNeID");
	}

	@GetMapping("/signin")
	String signIn(HttpServletRequest request, Model model) {
		var session = request.getSession(false);
		String error = null;
		String username = "";
		if (session != null && request.getParameter("error") != null) {
			error = (String) session.getAttribute(ERROR_ATTRIBUTE);
			username = (String) session.getAttribute(USERNAME_ATTRIBUTE);
			session.removeAttribute(ERROR_ATTRIBUTE);
			session.removeAttribute(USERNAME_ATTRIBUTE);
		}
		var form = Form.empty().value("username", username);
		if (error != null) {
			switch (error) {
				case "code" -> form.reject("code", "Tài khoản này bật xác thực 2 bước. Hãy nhập lại mật khẩu và mã 6 số trên ứng dụng xác thực.");
				case "locked" -> form.reject("username", "Tài khoản tạm khóa 15 phút vì nhập sai nhiều lần. Hãy thử lại sau hoặc nhờ quản trị viên mở khóa.");
				case "disabled" -> form.reject("username", "Tài khoản đã bị ngừng sử dụng. Hãy liên hệ quản trị viên của xã.");
				default -> form.reject("password", "Tên đăng nhập hoặc mật khẩu không đúng.");
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("askCode", "code".equals(error));
		model.addAttribute("demo", showDemoCodes);
		model.addAttribute("signedOut", request.getParameter("signedOut") != null);
		return "identity/signin";
	}

	@GetMapping("/citizen/signin")
	String citizenSignIn(HttpServletRequest request, Model model) {
		var form = Form.empty();
		if (request.getParameter("oidcError") != null) {
			form.reject("phone", "Không đăng nhập được qua " + oidcName + ". Hãy thử lại, hoặc dùng số điện thoại.");
		}
		model.addAttribute("form", form);
		return "identity/citizen-signin";
	}

	@ModelAttribute("oidcName")
	String oidcName() {
		return oidcName;
	}

	@PostMapping("/citizen/otp")
	String requestCode(@RequestParam(defaultValue = "") String phone, Model model) {
		try {
			var normalised = citizens.requestCode(phone);
			return "redirect:/citizen/verify?phone=" + normalised;
		}
		catch (AccountException e) {
			model.addAttribute("form", Form.empty().value("phone", phone).reject("phone", e.getMessage()));
			return "identity/citizen-signin";
		}
	}

	@GetMapping("/citizen/verify")
	String verifyForm(@RequestParam(defaultValue = "") String phone, Model model) {
		var normalised = PersonalData.normalisePhone(phone);
		if (normalised == null) {
			return "redirect:/citizen/signin";
		}
		model.addAttribute("form", Form.empty().value("phone", normalised));
		addDemoCode(normalised, model);
		return "identity/citizen-verify";
	}

	@PostMapping("/citizen/verify")
	String verify(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			CitizenPrincipal citizen = citizens.verify(phone, code);
			var auth = UsernamePasswordAuthenticationToken.authenticated(citizen, null,
					List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
			request.getSession(true);
			request.changeSessionId();
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(auth);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			return "redirect:" + afterCitizenSignIn(request, response);
		}
		catch (AccountException e) {
			var normalised = PersonalData.normalisePhone(phone);
			model.addAttribute("form", Form.empty().value("phone", normalised == null ? phone : normalised)
				.reject(e.field() == null ? "code" : e.field(), e.getMessage()));
			if (normalised != null) {
				addDemoCode(normalised, model);
			}
			return "identity/citizen-verify";
		}
	}

	@GetMapping("/citizen")
	String citizenHome(@AuthenticationPrincipal CitizenPrincipal me,
			Model model) {
		model.addAttribute("links", navLinks.visibleTo(me));
		return "identity/citizen-home";
	}

	private void addDemoCode(String phone, Model model) {
		String demoMessage = null;
		if (showDemoCodes && demoOutbox != null) {
			demoMessage = demoOutbox.latestFor(phone).orElse(null);
		}
		model.addAttribute("demoMessage", demoMessage);
	}

	/**
	 * Where a citizen goes after the code: back to the citizen page they were sent away from (e.g. "Nộp trực
	 * tuyến" on a procedure page), if it was one of ours under /citizen/; otherwise their home page.
	 */
	private String afterCitizenSignIn(HttpServletRequest request, HttpServletResponse response) {
		var saved = requestCache.getRequest(request, response);
		if (saved == null || !"GET".equals(saved.getMethod())) {
			return "/citizen";
		}
		requestCache.removeRequest(request, response);
		var url = java.net.URI.create(saved.getRedirectUrl());
		var path = url.getRawPath();
		if (path == null || !path.startsWith("/citizen/") || path.startsWith("//")) {
			return "/citizen";
		}
		var query = url.getRawQuery() == null ? "" : url.getRawQuery().replaceAll("(^|&)continue(=[^&]*)?", "").replaceFirst("^&", "");
		return query.isEmpty() ? path : path + "?" + query;
	}
}
