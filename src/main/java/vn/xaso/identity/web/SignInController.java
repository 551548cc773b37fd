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
	private final String oidcName;
	private final NavLinks navLinks;
	private final vn.xaso.platform.web.TodoList todos;
	private final org.springframework.context.MessageSource messages;

	SignInController(CitizenSignIn citizens, org.springframework.beans.factory.ObjectProvider<DemoTextMessages> demoOutbox,
			Environment env, NavLinks navLinks, vn.xaso.platform.web.TodoList todos, org.springframework.context.MessageSource messages) {
		this.citizens = citizens;
		this.todos = todos;
		this.messages = messages;
		this.navLinks = navLinks;
		this.demoOutbox = demoOutbox.getIfAvailable();
		this.showDemoCodes = env.getProperty("xaso.demo.load", Boolean.class, false);
		this.oidcName = env.getProperty("xaso.oidc.client-id") == null ? "" : env.getProperty("xaso.oidc.name", "VNeID");
	}

	/** A message of the identity bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
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
				case "code" -> form.reject("code", text("identity.error.signInCode"));
				case "disabled" -> form.reject("username", text("identity.error.signInDisabled"));
				// The same words for an unknown name, a wrong password and a wait after many failures.
				default -> form.reject("password", text("identity.error.signInFailed"));
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
		model.addAttribute("continueTo", ContinueTarget.safe(request.getParameter(ContinueTarget.PARAMETER)));
		if (request.getParameter("oidcError") != null) {
			form.reject("phone", text("identity.error.oidc", oidcName));
		}
		model.addAttribute("form", form);
		return "identity/citizen-signin";
	}

	@ModelAttribute("oidcName")
	String oidcName() {
		return oidcName;
	}

	@PostMapping("/citizen/otp")
	String requestCode(@RequestParam(defaultValue = "") String phone,
			@RequestParam(name = ContinueTarget.PARAMETER, required = false) String next, Model model) {
		model.addAttribute("continueTo", ContinueTarget.safe(next));
		try {
			var normalised = citizens.requestCode(phone);
			return "redirect:/citizen/verify?phone=" + normalised + ContinueTarget.query(next, false);
		}
		catch (CitizenSignIn.CodeAlreadySent e) {
			return "redirect:/citizen/verify?phone=" + e.phone() + "&sent=earlier" + ContinueTarget.query(next, false);
		}
		catch (AccountException e) {
			model.addAttribute("form", Form.empty().value("phone", phone).reject("phone", e.localMessage()));
			return "identity/citizen-signin";
		}
	}

	@GetMapping("/citizen/verify")
	String verifyForm(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String sent,
			@RequestParam(name = ContinueTarget.PARAMETER, required = false) String next, Model model) {
		var normalised = PersonalData.normalisePhone(phone);
		if (normalised == null) {
			return "redirect:/citizen/signin" + ContinueTarget.query(next, true);
		}
		model.addAttribute("continueTo", ContinueTarget.safe(next));
		model.addAttribute("form", Form.empty().value("phone", normalised));
		model.addAttribute("sentEarlier", "earlier".equals(sent));
		addDemoCode(normalised, model);
		return "identity/citizen-verify";
	}

	@PostMapping("/citizen/verify")
	String verify(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			@RequestParam(name = ContinueTarget.PARAMETER, required = false) String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("continueTo", ContinueTarget.safe(next));
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
			return "redirect:" + ContinueTarget.orHome(next);
		}
		catch (AccountException e) {
			var normalised = PersonalData.normalisePhone(phone);
			model.addAttribute("form", Form.empty().value("phone", normalised == null ? phone : normalised)
				.reject(e.field() == null ? "code" : e.field(), e.localMessage()));
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
		// what waits for this citizen in modules that know them (e.g. a party member's cell: party.web.PartyTodo)
		model.addAttribute("todos", todos.of(me));
		return "identity/citizen-home";
	}

	private void addDemoCode(String phone, Model model) {
		String demoMessage = null;
		if (showDemoCodes && demoOutbox != null) {
			demoMessage = demoOutbox.latestFor(phone).orElse(null);
		}
		model.addAttribute("demoMessage", demoMessage);
	}
}
