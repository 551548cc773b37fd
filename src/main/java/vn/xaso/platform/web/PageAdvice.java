package vn.xaso.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/** Puts a {@link Page} into every HTML model. */
@ControllerAdvice
class PageAdvice {

	static final String TEXT_SIZE_COOKIE = "xaso_text";

	private final MessageSource messages;
	private final ObjectProvider<ResourceUrlProvider> resourceUrls;

	PageAdvice(MessageSource messages, ObjectProvider<ResourceUrlProvider> resourceUrls) {
		this.messages = messages;
		this.resourceUrls = resourceUrls;
	}

	private String asset(String path) {
		var provider = resourceUrls.getIfAvailable();
		var versioned = provider == null ? null : provider.getForLookupPath(path);
		return versioned == null ? path : versioned;
	}

	@ModelAttribute("page")
	Page page(HttpServletRequest request) {
		var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		var auth = SecurityContextHolder.getContext().getAuthentication();
		var viewer = auth != null && auth.getPrincipal() instanceof Viewer v ? v : null;
		var large = false;
		if (request.getCookies() != null) {
			for (var cookie : request.getCookies()) {
				if (TEXT_SIZE_COOKIE.equals(cookie.getName()) && "large".equals(cookie.getValue())) {
					large = true;
				}
			}
		}
		// Any call on the deferred CsrfToken (even getParameterName) creates the token and with it a
		// session; so the name is fixed and the token is fetched only by a page that has a form.
		return new Page(messages, RequestContextUtils.getLocale(request), "_csrf",
				csrf != null ? csrf::getToken : () -> "", viewer, large,
				request.getRequestURI(), this::asset, Boolean.TRUE.equals(request.getAttribute(Page.SETUP_ONLY)));
	}
}
