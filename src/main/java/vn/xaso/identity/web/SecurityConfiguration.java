package vn.xaso.identity.web;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;
import vn.xaso.identity.internal.OfficialSignIn;
import vn.xaso.identity.internal.OidcCitizenSuccessHandler;
import vn.xaso.identity.internal.RateLimitFilter;
import vn.xaso.identity.internal.SignInDetails;

/**
 * Web security rules: what is public, what needs a signed-in official (by role) or citizen.
 * Every endpoint listed here is also in the access-control tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
			+ "object-src 'none'";

	/** Staff roles: every role but the producer's (producers sell on the commune shop; they read no commune papers). */
	static final String[] OFFICIAL_ROLES = Role.staffNames();

	/** Every account: staff and producers (their workspace and their own account settings). */
	static final String[] ACCOUNT_ROLES = Role.allNames();

	@Bean
	SecurityFilterChain web(HttpSecurity http, OfficialSignIn officialSignIn, RateLimitFilter rateLimit,
			ObjectProvider<ClientRegistrationRepository> oidc, OidcCitizenSuccessHandler oidcSuccess,
			List<AccessRules> moduleRules) throws Exception {
		if (oidc.getIfAvailable() != null) {
			http.oauth2Login(login -> login.loginPage("/citizen/signin")
				.successHandler(oidcSuccess)
				.failureUrl("/citizen/signin?oidcError"));
		}
		var api = PathPatternRequestMatcher.pathPattern("/api/**");
		// OfficialSignIn is the application's only AuthenticationProvider bean, so Spring Security
		// already makes it the global (parent) provider. Registering it here as well made every wrong
		// password count twice (the form's provider and then its parent refused it).
		http.authorizeHttpRequests(auth -> {
				auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
				.requestMatchers("/assets/**", "/webjars/**", "/favicon.ico", "/error").permitAll();
				moduleRules.forEach(rules -> rules.authorize(auth));
				auth.requestMatchers(HttpMethod.GET, "/", "/x/**", "/design", "/signin", "/citizen/signin", "/citizen/verify").permitAll()
				.requestMatchers(HttpMethod.POST, "/preferences/text-size", "/citizen/otp", "/citizen/verify").permitAll()
				.requestMatchers(HttpMethod.GET, "/signatures/verify").permitAll()
				.requestMatchers(HttpMethod.POST, "/signatures/verify", "/api/v1/signatures/verify").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/units/**", "/api/v1/units", "/api/v1/calendar/**").permitAll()
				// The working-day calendar is national: only a national calendar administrator changes it.
				.requestMatchers(HttpMethod.POST, "/api/v1/calendar/adjustments").hasRole(Role.NATIONAL_ADMIN.name())
				.requestMatchers(HttpMethod.DELETE, "/api/v1/calendar/adjustments/*").hasRole(Role.NATIONAL_ADMIN.name())
				.requestMatchers(HttpMethod.POST, "/admin/calendar/adjustments", "/admin/calendar/adjustments/*/withdraw")
					.hasRole(Role.NATIONAL_ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/admin/calendar").hasAnyRole(Role.ADMIN.name(), Role.NATIONAL_ADMIN.name())
				.requestMatchers("/citizen/**").hasRole("CITIZEN")
				.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
				.requestMatchers("/workspace/**", "/workspace", "/account/**", "/account").hasAnyRole(ACCOUNT_ROLES)
				.requestMatchers("/documents/**", "/documents").hasAnyRole(OFFICIAL_ROLES)
				.requestMatchers("/api/**").authenticated()
				.anyRequest().denyAll();
			})
			.formLogin(form -> form.loginPage("/signin")
				.loginProcessingUrl("/signin")
				.authenticationDetailsSource(SignInDetails::from)
				.defaultSuccessUrl("/workspace")
				.failureHandler(failureHandler()))
			.logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
			// Who is asked to sign in where: API clients get 401, citizens' pages the citizen sign-in,
			// everything else the officials' sign-in (set explicitly: with OIDC on, Spring would
			// otherwise send everyone to the OIDC login page).
			.exceptionHandling(e -> e.authenticationEntryPoint(new DelegatingAuthenticationEntryPoint(
					new LoginUrlAuthenticationEntryPoint("/signin"),
					new RequestMatcherEntry<>(api, (request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value())),
					new RequestMatcherEntry<>(PathPatternRequestMatcher.pathPattern("/citizen/**"),
							(request, response, denied) -> response.sendRedirect("/citizen/signin"
									+ ContinueTarget.query(ContinueTarget.requested(request), true))),
					new RequestMatcherEntry<>(PathPatternRequestMatcher.pathPattern("/citizen"),
							new LoginUrlAuthenticationEntryPoint("/citizen/signin")))))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			// API and Open311 calls open no session, not even when refused (NoSessionForApi).
			.requestCache(c -> c.requestCache(NoSessionForApi.requestCache()))
			.csrf(csrf -> csrf.csrfTokenRepository(NoSessionForApi.csrfTokens()))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny()))
			// The text-size switch only sets a display cookie, so it needs no token; that keeps public
			// pages free of sessions.
			.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/preferences/text-size")))
			// The signature verification API only reads an upload and changes nothing.
			.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/signatures/verify")))
			// Modules' requests that prove themselves another way (signed webhooks, device tokens).
			.csrf(csrf -> moduleRules.forEach(rules -> rules.csrfIgnored()
				.forEach(matcher -> csrf.ignoringRequestMatchers(matcher))))
			.addFilterBefore(rateLimit, UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** Re-shows the sign-in page with a plain reason; the username is kept, the password never. */
	private static AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			var reason = switch (e) {
				case OfficialSignIn.CodeRequiredException c -> "code";
				case DisabledException d -> "disabled";
				default -> "bad";
			};
			var session = request.getSession();
			session.setAttribute(SignInController.ERROR_ATTRIBUTE, reason);
			session.setAttribute(SignInController.USERNAME_ATTRIBUTE, String.valueOf(request.getParameter("username")));
			redirect(response, "/signin?error");
		};
	}

	private static void redirect(HttpServletResponse response, String to) throws IOException {
		response.sendRedirect(to);
	}
}
