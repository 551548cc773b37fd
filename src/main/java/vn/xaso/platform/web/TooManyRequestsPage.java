package vn.xaso.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "please wait" page (HTTP 429) in the shared layout, Vietnamese or English, for limits that
 * are checked before a controller runs (servlet filters). Controllers render {@code platform/too-many}
 * themselves.
 */
@Component
public class TooManyRequestsPage {

	private final TemplateEngine engine;
	private final MessageSource messages;
	private final LocaleResolver locales;

	TooManyRequestsPage(TemplateEngine engine, MessageSource messages, LocaleResolver locales) {
		this.engine = engine;
		this.messages = messages;
		this.locales = locales;
	}

	/** Answers 429 with a page saying how long to wait and where to go back to. */
	public void write(HttpServletRequest request, HttpServletResponse response, Duration wait, String backTo) throws IOException {
		var lang = request.getParameter("lang");
		Locale locale = "en".equals(lang) ? Locale.ENGLISH : "vi".equals(lang) ? WebConfiguration.VIETNAMESE
				: locales.resolveLocale(request);
		var auth = SecurityContextHolder.getContext().getAuthentication();
		var viewer = auth != null && auth.getPrincipal() instanceof Viewer v ? v : null;
		var large = false;
		if (request.getCookies() != null) {
			for (var cookie : request.getCookies()) {
				large |= PageAdvice.TEXT_SIZE_COOKIE.equals(cookie.getName()) && "large".equals(cookie.getValue());
			}
		}
		// plain asset names (still served, cached for an hour): this page is written outside Spring MVC
		var page = new Page(messages, locale, "_csrf", () -> "", viewer, large, request.getRequestURI(), asset -> asset,
				Boolean.TRUE.equals(request.getAttribute(Page.SETUP_ONLY)));
		var model = new HashMap<String, Object>();
		model.put("page", page);
		model.put("minutes", Math.max(1, (wait.toSeconds() + 59) / 60));
		model.put("backTo", backTo);
		var output = new Utf8ByteOutput();
		engine.render("platform/too-many.jte", model, output);
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(output.getContentLength());
		output.writeTo(response.getOutputStream());
	}
}
