package vn.xaso.setup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Page;
import vn.xaso.setup.FirstRunSetup;

/**
 * While the first-run setup is in progress, only the setup pages, health and static assets answer;
 * every other page is sent to "đang cài đặt" (and other requests get 503). Runs before security.
 */
@Configuration
class SetupGate {

	static final String PENDING = "/setup/pending";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> setupGateFilter(FirstRunSetup setup) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (!setup.inProgress()) {
					chain.doFilter(request, response);
					return;
				}
				if (allowed(request.getRequestURI().substring(request.getContextPath().length()))) {
					request.setAttribute(Page.SETUP_ONLY, Boolean.TRUE); // the layout leaves out links that cannot work now
					chain.doFilter(request, response);
					return;
				}
				if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
					response.sendRedirect(request.getContextPath() + PENDING);
					return;
				}
				response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				response.setHeader("Retry-After", "300");
				response.setContentType("text/plain;charset=UTF-8");
				// both languages: this answer comes before the request's language is known
				response.getOutputStream().write((Refusal.bundleText("i18n/setup", "setup.text.beingSetUp") + "\n").getBytes(StandardCharsets.UTF_8));
			}
		});
		registration.setOrder(-110);
		registration.addUrlPatterns("/*");
		return registration;
	}

	static boolean allowed(String path) {
		return path.equals("/setup") || path.startsWith("/setup/") || path.startsWith("/assets/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico") || path.equals("/error") || path.equals("/actuator/health")
				|| path.startsWith("/actuator/health/") || path.equals("/preferences/text-size");
	}
}
